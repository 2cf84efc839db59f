// Datasets and the train/validation/test split. The split is a seeded permutation (core's RNG), so the
// same seed gives the same held-out samples in every browser and in the CLI.
import { createRng } from '../../core/rng.ts';
import type { DataSlice, LabDataset, SplitFractions } from './types.ts';

export function initialDataSlice(): DataSlice {
  return {
    datasets: [],
    activeId: null,
    split: { val: 0.15, test: 0.15, seed: 1 },
    uploadError: null,
    busy: null,
  };
}

export interface DatasetStats {
  n: number;
  /** One sample's shape: [L] or [H, W]. */
  sampleShape: number[];
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Label summary: mean ± std for regression, counts per class for classification. */
  labels: string;
}

export function datasetStats(d: LabDataset): DatasetStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sq = 0;
  for (const v of d.x) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sq += v * v;
  }
  const m = d.x.length || 1;
  const mean = sum / m;
  return {
    n: d.shape[0] ?? 0,
    sampleShape: d.shape.slice(1),
    min,
    max,
    mean,
    std: Math.sqrt(Math.max(0, sq / m - mean * mean)),
    labels: labelSummary(d),
  };
}

function labelSummary(d: LabDataset): string {
  if (!d.y) return 'no labels';
  if (d.task === 'classification') {
    const counts = new Map<number, number>();
    for (const v of d.y) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, k]) => `${d.classes[c] ?? c}: ${k}`)
      .join(', ');
  }
  let s = 0;
  let q = 0;
  for (const v of d.y) {
    s += v;
    q += v * v;
  }
  const mean = s / d.y.length;
  return `${d.targetName} mean ${mean.toPrecision(3)} ± ${Math.sqrt(Math.max(0, q / d.y.length - mean * mean)).toPrecision(3)}`;
}

export interface SplitSets {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

/** Seeded split of 0..n−1; each set sorted and non-empty when n ≥ 3. */
export function splitSets(n: number, f: SplitFractions): SplitSets {
  const perm = createRng(f.seed).permutation(n);
  const nTest = n >= 3 ? Math.max(1, Math.round(n * f.test)) : 0;
  const nVal = n >= 3 ? Math.max(1, Math.round(n * f.val)) : 0;
  const sorted = (a: Int32Array) => a.slice().sort();
  return {
    test: sorted(perm.subarray(0, nTest)),
    val: sorted(perm.subarray(nTest, nTest + nVal)),
    train: sorted(perm.subarray(nTest + nVal)),
  };
}

/** The rows `idx` of a row-major N×… array. */
export function takeRows(x: Float32Array, shape: readonly number[], idx: Int32Array): Float32Array {
  const size = shape.slice(1).reduce((a, b) => a * b, 1);
  const out = new Float32Array(idx.length * size);
  idx.forEach((r, i) => out.set(x.subarray(r * size, (r + 1) * size), i * size));
  return out;
}

export function activeDataset(s: DataSlice): LabDataset | null {
  return s.datasets.find((d) => d.id === s.activeId) ?? null;
}

/** Adds or replaces (same id) a dataset and makes it active. */
export function withDataset(
  s: DataSlice,
  d: LabDataset,
): Pick<DataSlice, 'datasets' | 'activeId' | 'uploadError'> {
  return { datasets: [...s.datasets.filter((o) => o.id !== d.id), d], activeId: d.id, uploadError: null };
}
