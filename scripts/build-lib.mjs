// Bundles the public TypeScript API into plain ESM under lib/ so `import { wavedec } from
// 'awd-lab/core'` works in Node and bundlers without a TS loader. Runs on `npm ci` (prepare).
// Dependencies stay external (they are the package's own dependencies).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}).map((d) => `${d}*`)];

// tfjs-core's register_all_gradients is ESM-for-bundlers (extensionless imports) that Node cannot load;
// the @tensorflow/tfjs umbrella registers the same gradients (and the cpu backend) in Node and bundlers.
const gradientsViaUmbrella = {
  name: 'gradients-via-umbrella',
  setup(b) {
    b.onResolve({ filter: /^@tensorflow\/tfjs-core\/dist\/register_all_gradients$/ }, () => ({
      path: '@tensorflow/tfjs',
      external: true,
    }));
  },
};

const entries = { core: 'src/core/index.ts', model: 'src/model/index.ts' };
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `lib/${name}.js`,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external,
      plugins: [gradientsViaUmbrella],
      sourcemap: true,
      logLevel: 'warning',
    }),
  ),
);
console.log(
  `awd-lab: built ${Object.keys(entries)
    .map((n) => `lib/${n}.js`)
    .join(', ')}`,
);
