// The built-in datasets of the picker, made on demand from core's seeded registry (nothing is
// downloaded: the page makes no request after it has loaded). The lab shrinks the defaults so that a
// teacher trains in seconds and an AWD step stays in the tens of milliseconds on a laptop CPU.
import { BUILTIN_DATASETS } from '../core/datasets/index.ts';
import type { Dataset } from '../core/datasets/types.ts';
import type { LabDataset } from './store/types.ts';

export interface Builtin {
  id: string;
  name: string;
  kind: '1d' | '2d';
  make(): LabDataset;
}

/** Lab-sized overrides of the registry's defaults (the CLI and the paper use the full sizes). */
const LAB_SIZES: Record<string, Record<string, unknown>> = {
  'mass-maps': { realisations: 12 },
  endocytosis: { n: 600 },
};

export function toLabDataset(id: string, d: Dataset, name = d.name): LabDataset {
  // The mass maps' cosmology per map: the classes of the peak-count model (evaluation, sweep).
  const cosmology = (d as { cosmology?: Int32Array }).cosmology;
  return {
    id,
    name,
    source: 'builtin',
    description: d.description,
    kind: d.shape.length === 3 ? '2d' : '1d',
    x: Float32Array.from(d.x),
    shape: [...d.shape],
    y: Float32Array.from(d.y),
    targetName: d.targetName,
    task: 'regression',
    classes: [],
    ...(cosmology ? { groups: Int32Array.from(cosmology) } : {}),
  };
}

export const BUILTINS: readonly Builtin[] = BUILTIN_DATASETS.map((b) => {
  const id = `builtin:${b.name}`;
  const sizes = LAB_SIZES[b.name] ?? (b.name.startsWith('simulation-') ? { n: 600 } : {});
  return {
    id,
    name: b.title,
    kind: b.dims === 2 ? '2d' : '1d',
    make: () => toLabDataset(id, b.generate(sizes), b.title),
  };
});

export function builtinById(id: string): Builtin | undefined {
  return BUILTINS.find((b) => b.id === id);
}
