// The evaluation keys (pure parsing): which wavelets, which predictors, and their options. The same
// keys serve `awd evaluate` (top level) and the "evaluate" section of `awd sweep`.
import { resolve } from 'node:path';
import { waveletNames } from '../../core/wavelets.ts';
import type { Boundary } from '../../core/predict/conv2d.ts';
import type { TopkBy } from '../../core/predict/topk.ts';
import { DEFAULT_ATTR_THRESHOLD, type AttrThreshold } from '../../model/evaluate/compression.ts';
import type { BootstrapOptions } from '../../model/evaluate/metrics.ts';
import { DEFAULT_PEAKS, type PeakOptions } from '../../model/evaluate/peakCounting.ts';
import { DEFAULT_RIDGE, type RidgeOptions } from '../../model/evaluate/predictors1d.ts';
import { didYouMean } from '../fit/keys.ts';

export type WaveletSource =
  | { readonly label: string; readonly kind: 'name'; readonly name: string }
  | { readonly label: string; readonly kind: 'h0'; readonly h0: number[] }
  /** An `awd fit` result, a sweep run file (their "h0") or a sweep summary (its selected run's h0). */
  | { readonly label: string; readonly kind: 'file'; readonly path: string }
  /** In a sweep: the selected run ("selected") or the sweep's initial filter ("init"). */
  | { readonly label: string; readonly kind: 'selected' | 'init' };

export const METHODS_1D_ALL = ['topk_ridge', 'top_attr_linear', 'raw_ridge', 'teacher'] as const;
export const METHODS_2D_ALL = [
  'peak_count',
  'raw',
  'laplace_v1',
  'laplace_v2',
  'roberts_cross',
  'teacher',
] as const;

export interface EvalSpec {
  readonly wavelets: readonly WaveletSource[];
  /** null: every method of the data's dimension. */
  readonly methods: readonly string[] | null;
  readonly topk: { readonly k: number; readonly by: TopkBy };
  readonly topAttr: number;
  readonly ridge: RidgeOptions;
  readonly peaks: PeakOptions;
  readonly kernels: '3x3' | 'full';
  readonly boundary: Boundary;
  readonly bootstrap: BootstrapOptions;
  readonly attrThreshold: AttrThreshold;
}

export const EVAL_KEYS = [
  'wavelets',
  'methods',
  'topk',
  'top_attr',
  'ridge',
  'peaks',
  'bootstrap',
  'attr_threshold',
] as const;

const show = (v: unknown) => JSON.stringify(v) ?? String(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

function parseWavelet(
  v: unknown,
  i: number,
  dir: string,
  inSweep: boolean,
  errors: string[],
): WaveletSource | null {
  const at = `"wavelets[${i}]"`;
  if (typeof v === 'string') v = { wavelet: v };
  if (!isObj(v)) {
    errors.push(
      `${at}: expected a name ("db5") or {"label", and one of "wavelet", "h0", "from"}, got ${show(v)}`,
    );
    return null;
  }
  const keys = Object.keys(v).filter((k) => k !== 'label');
  const extra = Object.keys(v).filter((k) => !['label', 'wavelet', 'h0', 'from'].includes(k));
  if (extra.length)
    errors.push(`${at}.${extra[0]}: unknown key${didYouMean(extra[0]!, ['label', 'wavelet', 'h0', 'from'])}`);
  if (keys.length !== 1) {
    errors.push(`${at}: give exactly one of "wavelet", "h0", "from"`);
    return null;
  }
  const label = typeof v.label === 'string' && v.label !== '' ? v.label : null;
  if (v.label !== undefined && label === null)
    errors.push(`${at}.label: expected a non-empty string, got ${show(v.label)}`);
  if ('wavelet' in v) {
    if (typeof v.wavelet !== 'string' || !waveletNames().includes(v.wavelet)) {
      errors.push(
        `${at}.wavelet: unknown wavelet ${show(v.wavelet)} (haar, db1-db38, sym2-sym20, coif1-coif17)`,
      );
      return null;
    }
    return { label: label ?? v.wavelet, kind: 'name', name: v.wavelet };
  }
  if ('h0' in v) {
    const h = v.h0;
    if (
      !Array.isArray(h) ||
      h.length < 2 ||
      h.length % 2 !== 0 ||
      !h.every((x) => typeof x === 'number' && Number.isFinite(x))
    ) {
      errors.push(`${at}.h0: expected an even-length array (≥ 2) of finite numbers`);
      return null;
    }
    return { label: label ?? `h0[${i}]`, kind: 'h0', h0: h as number[] };
  }
  const from = v.from;
  if (from === 'selected' || from === 'init') {
    if (!inSweep) {
      errors.push(`${at}.from: "${from}" exists only in a sweep's "evaluate" section; give a file path`);
      return null;
    }
    return { label: label ?? (from === 'selected' ? 'AWD' : 'init'), kind: from };
  }
  if (typeof from !== 'string' || from === '') {
    errors.push(
      `${at}.from: expected a result file (awd fit result, sweep run or summary), got ${show(from)}`,
    );
    return null;
  }
  return { label: label ?? 'AWD', kind: 'file', path: resolve(dir, from) };
}

function section<T extends object>(
  v: unknown,
  name: string,
  dflt: T,
  errors: string[],
  check: (k: string, x: unknown) => string | null,
): T {
  if (v === undefined) return dflt;
  if (!isObj(v)) {
    errors.push(`"${name}": expected an object, got ${show(v)}`);
    return dflt;
  }
  const out: Record<string, unknown> = { ...(dflt as Record<string, unknown>) };
  for (const [k, x] of Object.entries(v)) {
    if (!(k in dflt)) {
      errors.push(
        `"${name}.${k}": unknown key${didYouMean(k, Object.keys(dflt))} (keys: ${Object.keys(dflt).join(', ')})`,
      );
      continue;
    }
    const bad = check(k, x);
    if (bad) errors.push(`"${name}.${k}": ${bad}, got ${show(x)}`);
    else out[k] = x;
  }
  return out as T;
}

export function parseEvalSpec(
  o: Record<string, unknown>,
  dir: string,
  inSweep: boolean,
  errors: string[],
): EvalSpec {
  const dfltWavelets: WaveletSource[] = inSweep
    ? [
        { label: 'AWD', kind: 'selected' },
        { label: 'init', kind: 'init' },
        { label: 'db5', kind: 'name', name: 'db5' },
      ]
    : [];
  let wavelets = dfltWavelets;
  if (o.wavelets !== undefined) {
    if (!Array.isArray(o.wavelets)) errors.push(`"wavelets": expected an array, got ${show(o.wavelets)}`);
    else
      wavelets = o.wavelets.map((w, i) => parseWavelet(w, i, dir, inSweep, errors)).filter((w) => w !== null);
  }
  let methods: string[] | null = null;
  if (o.methods !== undefined) {
    const all: readonly string[] = [...METHODS_1D_ALL, ...METHODS_2D_ALL];
    if (!Array.isArray(o.methods) || o.methods.length === 0)
      errors.push(`"methods": expected a non-empty array, got ${show(o.methods)}`);
    else {
      methods = [];
      for (const m of o.methods)
        if (typeof m !== 'string' || !all.includes(m))
          errors.push(
            `"methods": unknown method ${show(m)} (1-D: ${METHODS_1D_ALL.join(', ')}; 2-D: ${METHODS_2D_ALL.join(', ')})`,
          );
        else methods.push(m);
    }
  }
  const topk = section(o.topk, 'topk', { k: 5, by: 'abs' as TopkBy }, errors, (k, x) =>
    k === 'k'
      ? isInt(x, 1)
        ? null
        : 'expected an integer ≥ 1'
      : x === 'abs' || x === 'value'
        ? null
        : 'expected "abs" or "value"',
  );
  let topAttr = 10;
  if (o.top_attr !== undefined) {
    if (!isInt(o.top_attr, 1))
      errors.push(`"top_attr": expected an integer ≥ 1 (how many coefficients), got ${show(o.top_attr)}`);
    else topAttr = o.top_attr;
  }
  const ridge = section(
    o.ridge,
    'ridge',
    { ...DEFAULT_RIDGE, lambdas: [...DEFAULT_RIDGE.lambdas] },
    errors,
    (k, x) =>
      k === 'lambdas'
        ? Array.isArray(x) && x.length > 0 && x.every((l) => typeof l === 'number' && l >= 0)
          ? null
          : 'expected a non-empty array of numbers ≥ 0'
        : isInt(x, k === 'folds' ? 2 : 0)
          ? null
          : `expected an integer ≥ ${k === 'folds' ? 2 : 0}`,
  );
  const peaksAll = section(
    o.peaks,
    'peaks',
    { ...DEFAULT_PEAKS, kernels: '3x3', boundary: 'zero' },
    errors,
    (k, x) =>
      k === 'bins'
        ? isInt(x, 1)
          ? null
          : 'expected an integer ≥ 1'
        : k === 'quantile'
          ? typeof x === 'number' && x >= 0 && x < 0.5
            ? null
            : 'expected a number in [0, 0.5)'
          : k === 'kernels'
            ? x === '3x3' || x === 'full'
              ? null
              : 'expected "3x3" or "full"'
            : x === 'zero' || x === 'periodic'
              ? null
              : 'expected "zero" or "periodic"',
  );
  const bootstrap = section(o.bootstrap, 'bootstrap', { reps: 1000, seed: 1 }, errors, (k, x) =>
    isInt(x, k === 'reps' ? 2 : 0) ? null : `expected an integer ≥ ${k === 'reps' ? 2 : 0}`,
  );
  let attrThreshold = DEFAULT_ATTR_THRESHOLD;
  if (o.attr_threshold !== undefined) {
    const t = o.attr_threshold;
    const kind = isObj(t) && Object.keys(t).length === 1 ? Object.keys(t)[0] : null;
    const val = kind ? (t as Record<string, unknown>)[kind] : null;
    if ((kind === 'relative' || kind === 'absolute') && typeof val === 'number' && val >= 0)
      attrThreshold = { kind, value: val };
    else errors.push(`"attr_threshold": expected {"relative": 0.01} or {"absolute": EPS}, got ${show(t)}`);
  }
  const { kernels, boundary, ...peaks } = peaksAll as PeakOptions & {
    kernels: '3x3' | 'full';
    boundary: Boundary;
  };
  return { wavelets, methods, topk, topAttr, ridge, peaks, kernels, boundary, bootstrap, attrThreshold };
}
