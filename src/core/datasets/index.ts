// Registry of the built-in datasets for the lab's picker: every entry generates in the app from a
// seed (no download). `generate(opts)` merges opts over `defaults`.
import { endocytosis, type EndocytosisOptions } from './endocytosis.ts';
import { massMaps, type MassMapOptions } from './massMaps.ts';
import { simulate1d, type Simulate1dOptions } from './simulation.ts';
import type { Dataset } from './types.ts';

/** Options as plain data (the picker edits them as a form; generators validate every value). */
export type DatasetOptions = Readonly<Record<string, unknown>>;

export interface BuiltinDataset {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** 1 for series ([n, length]), 2 for maps ([n, h, w]). */
  readonly dims: 1 | 2;
  readonly defaults: DatasetOptions;
  readonly generate: (opts?: DatasetOptions) => Dataset;
}

function entry<O extends object>(
  e: Omit<BuiltinDataset, 'generate' | 'defaults'> & { defaults: O },
  gen: (o: O) => Dataset,
): BuiltinDataset {
  // The merge is typed loosely on purpose: overrides come from a form; the generator checks them.
  return {
    ...e,
    defaults: e.defaults as DatasetOptions,
    generate: (opts = {}) => gen({ ...e.defaults, ...opts } as O),
  };
}

function simulation(wavelet: string): BuiltinDataset {
  return entry<Simulate1dOptions>(
    {
      name: `simulation-${wavelet}`,
      title: `Simulation (${wavelet} ground truth)`,
      description:
        `The paper's simulation: x ~ N(0, I₆₄), y = 2·(sum of the ${wavelet} zero-mode J=4 level-3 detail ` +
        `coefficients at positions 7–9) + 0.1·noise. The ground-truth wavelet is known, so recovery is measurable.`,
      dims: 1,
      defaults: {
        n: 5000,
        length: 64,
        wavelet,
        level: 4,
        scale: 3,
        positions: [7, 8, 9],
        amplitude: 2,
        noise: 0.1,
        seed: 1,
        mode: 'zero',
      },
    },
    simulate1d,
  );
}

/** Every built-in, in picker order. */
export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  simulation('db5'),
  simulation('sym5'),
  simulation('coif2'),
  entry<MassMapOptions>(
    {
      name: 'mass-maps',
      title: 'Synthetic mass maps (lognormal)',
      description:
        'Lognormal random fields whose spectrum and skewness depend on Ω_m and σ₈; a 5×3 grid of cosmologies ' +
        'with 20 maps each. Target Ω_m; peak statistics carry the signal.',
      dims: 2,
      defaults: {
        size: 64,
        omegaM: [0.2, 0.25, 0.3, 0.35, 0.4],
        sigma8: [0.7, 0.8, 0.9],
        realisations: 20,
        seed: 1,
      },
    },
    massMaps,
  ),
  entry<EndocytosisOptions>(
    {
      name: 'endocytosis',
      title: 'Endocytosis-like tracks',
      description:
        'Clathrin-like traces of 40 frames with one rise–decay event; the target is an auxilin-like peak set by ' +
        'the event amplitude, lifetime and timing. A stand-in for the clathrin → auxilin task.',
      dims: 1,
      defaults: { n: 3000, length: 40, noise: 0.1, targetNoise: 0.05, seed: 1 },
    },
    endocytosis,
  ),
];

/** The built-in with this name, or undefined. */
export function getBuiltinDataset(name: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.name === name);
}
