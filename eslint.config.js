import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer boundaries (shared/ARCHITECTURE.md): a lower layer never imports a higher one.
const layer = (from, banned, extra = []) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...banned.map((l) => ({
            group: [`**/${l}/**`, `**/${l}`],
            message: `src/${from} may not import src/${l}`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const noTf = [{ group: ['@tensorflow/*'], message: 'no tfjs here' }];
const noBackends = [
  {
    group: ['@tensorflow/tfjs-backend-*', '@tensorflow/tfjs'],
    message: 'only src/worker/backends.ts picks backends',
  },
];
const noPlotly = [
  { group: ['plotly.js*', 'react-plotly.js*'], message: 'only src/ui/plot/Plot.tsx imports Plotly' },
];

export default tseslint.config(
  { ignores: ['dist', 'lib', 'tmp', 'node_modules', 'src/core/filters/table.ts', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    'core',
    ['model', 'protocol', 'worker', 'app', 'ui', 'cli'],
    [...noTf, { group: ['react', 'react-dom', 'zustand'], message: 'core is pure' }],
  ),
  layer('protocol', ['model', 'worker', 'app', 'ui', 'cli'], noTf),
  layer('model', ['worker', 'app', 'ui', 'cli'], noBackends),
  layer('worker', ['app', 'ui', 'cli']),
  layer('app', ['model', 'worker', 'ui', 'cli'], noTf),
  layer('ui', ['model', 'worker', 'cli'], [...noTf, ...noPlotly]),
  layer('cli', ['worker', 'app', 'ui'], noBackends),
  { files: ['src/worker/backends.ts'], rules: { 'no-restricted-imports': 'off' } },
  // Its Node twin for `awd fit` (cpu/wasm; Node has no DOM backends): the CLI's one backend file.
  { files: ['src/cli/nodeBackend.ts'], rules: { 'no-restricted-imports': 'off' } },
  layer('ui/plot', ['model', 'worker', 'cli'], noTf),
  { files: ['tests/**', 'scripts/**', 'bin/**', 'bench/**'], rules: { 'no-restricted-imports': 'off' } },
);
