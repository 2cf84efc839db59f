// The config (never the data) lives in the URL hash, TensorFlow Playground style: a link reproduces a
// run. Only keys that differ from the lab's defaults are written, so links stay short and readable:
//   #data=builtin:simulation-1d&wavelet=sym4&gamma=0.3&level=3
import { validateConfig, type AwdConfig } from '../protocol/config.ts';
import { LAB_DEFAULT_CONFIG } from './store/configSlice.ts';

const WEIGHT_PREFIX = 'w.';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `#key=value&…` for the keys of `config` that differ from the lab defaults, plus the dataset id. */
export function configToHash(config: AwdConfig, datasetId: string | null): string {
  const p = new URLSearchParams();
  if (datasetId) p.set('data', datasetId);
  for (const [k, v] of Object.entries(config) as [keyof AwdConfig, unknown][]) {
    if (k === 'weights') continue;
    if (same(v, LAB_DEFAULT_CONFIG[k])) continue;
    p.set(k, k === 'h0' ? JSON.stringify(v) : String(v));
  }
  for (const [k, v] of Object.entries(config.weights)) {
    if (v !== LAB_DEFAULT_CONFIG.weights[k as keyof AwdConfig['weights']])
      p.set(WEIGHT_PREFIX + k, String(v));
  }
  return `#${p.toString()}`;
}

export interface HashState {
  config: AwdConfig;
  datasetId: string | null;
  /** Problems with the link, one line each (the lab keeps its defaults for those keys). */
  errors: string[];
}

const NUMERIC = new Set([
  'noise',
  'seed',
  'level',
  'lambda',
  'gamma',
  'igSteps',
  'target',
  'lr',
  'epochs',
  'batchSize',
]);

function typed(key: string, raw: string): unknown {
  if (key === 'h0') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (key === 'shuffle') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (NUMERIC.has(key)) return raw.trim() === '' ? raw : Number(raw);
  return raw;
}

/** Reads a hash written by {@link configToHash}; each bad key is reported and ignored, the rest apply. */
export function hashToConfig(hash: string): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const errors: string[] = [];
  let config: AwdConfig = { ...LAB_DEFAULT_CONFIG, weights: { ...LAB_DEFAULT_CONFIG.weights } };
  let datasetId: string | null = null;
  for (const [key, raw] of p) {
    if (key === 'data') {
      datasetId = raw;
      continue;
    }
    const patch: Record<string, unknown> = key.startsWith(WEIGHT_PREFIX)
      ? { weights: { [key.slice(WEIGHT_PREFIX.length)]: raw.trim() === '' ? raw : Number(raw) } }
      : { [key]: typed(key, raw) };
    const r = validateConfig(patch, config);
    if (r.ok) config = r.config;
    else errors.push(...r.errors.map((e) => `link: ${e}`));
  }
  return { config, datasetId, errors };
}
