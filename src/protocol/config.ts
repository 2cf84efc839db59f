// The AWD run configuration: one declared schema shared by the lab (URL hash, controls), the worker,
// and the `awd fit` CLI. Keys are the CLI's snake_case JSON keys' camelCase twins (see `fromJsonKeys`).

export const TRAIN_MODES = ['zero', 'symmetric', 'reflect', 'periodic', 'periodization'] as const;
export type TrainMode = (typeof TRAIN_MODES)[number];

export const ATTRIBUTIONS = ['saliency', 'input_x_gradient', 'integrated_gradients'] as const;
export type AttributionMethod = (typeof ATTRIBUTIONS)[number];

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** Weights of awave's wavelet-validity terms (the reconstruction term always has weight 1). */
export interface ValidityWeights {
  lsum: number;
  hsum: number;
  l2norm: number;
  cmf: number;
  conv: number;
}

export interface AwdConfig {
  /** Initial wavelet name (any core wavelet). Ignored when `h0` is given (warm start). */
  wavelet: string;
  /** Warm-start lowpass filter (awave's h0 = pywt rec_lo); overrides `wavelet` and `noise`. */
  h0: number[] | null;
  /** Std of the Gaussian noise added to the initial h0 (awave's init_factor·N(0,1)). */
  noise: number;
  seed: number;
  level: number;
  mode: TrainMode;
  /** λ: weight of ‖Ψx‖₁ (awave's l1wave). */
  lambda: number;
  /** γ: weight of ‖TRIM(Ψx)‖₁ (awave's l1attr). */
  gamma: number;
  weights: ValidityWeights;
  attribution: AttributionMethod;
  /** Riemann steps for integrated gradients (baseline 0). */
  igSteps: number;
  /** Teacher output index the attributions explain. */
  target: number;
  lr: number;
  epochs: number;
  /** Samples per step; 0 means full batch. */
  batchSize: number;
  /** Seeded shuffling of mini-batches each epoch. */
  shuffle: boolean;
  backend: BackendChoice;
}

export const DEFAULT_CONFIG: Readonly<AwdConfig> = Object.freeze({
  wavelet: 'db5',
  h0: null,
  noise: 0.1,
  seed: 1,
  level: 4,
  mode: 'zero',
  lambda: 0.1,
  gamma: 1,
  weights: Object.freeze({ lsum: 1, hsum: 1, l2norm: 1, cmf: 1, conv: 1 }),
  attribution: 'saliency',
  igSteps: 16,
  target: 0,
  lr: 0.001,
  epochs: 3,
  batchSize: 100,
  shuffle: true,
  backend: 'auto',
}) as Readonly<AwdConfig>;

export type ConfigResult = { ok: true; config: AwdConfig } | { ok: false; errors: string[] };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Validates a partial config (camelCase keys) over the defaults. Every problem is reported with the key
 * and the bad value; unknown keys are errors (a typo must not silently fall back to a default).
 */
export function validateConfig(input: unknown, base: Readonly<AwdConfig> = DEFAULT_CONFIG): ConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [`config: expected an object, got ${JSON.stringify(input)}`] };
  }
  const errors: string[] = [];
  const c: AwdConfig = { ...base, weights: { ...base.weights } };
  const bad = (key: string, value: unknown, want: string) =>
    errors.push(`config.${key}: ${want}, got ${JSON.stringify(value)}`);
  const num = (key: keyof AwdConfig, v: unknown, min: number, int = false, max = Infinity) => {
    if (!isNum(v) || v < min || v > max || (int && !Number.isInteger(v)))
      bad(
        key,
        v,
        `expected ${int ? 'an integer' : 'a number'} ≥ ${min}${max < Infinity ? ` and ≤ ${max}` : ''}`,
      );
    else (c as unknown as Record<string, number>)[key] = v;
  };
  const oneOf = <T extends string>(key: keyof AwdConfig, v: unknown, allowed: readonly T[]) => {
    if (typeof v !== 'string' || !allowed.includes(v as T))
      bad(key, v, `expected one of ${allowed.join(', ')}`);
    else (c as unknown as Record<string, string>)[key] = v;
  };
  for (const [key, v] of Object.entries(input as Record<string, unknown>)) {
    switch (key) {
      case 'wavelet':
        if (typeof v !== 'string' || v.length === 0) bad(key, v, 'expected a wavelet name');
        else c.wavelet = v;
        break;
      case 'h0':
        if (v === null) c.h0 = null;
        else if (!Array.isArray(v) || v.length < 2 || v.length % 2 !== 0 || !v.every(isNum))
          bad(key, v, 'expected null or an even-length array (≥ 2) of finite numbers');
        else c.h0 = [...(v as number[])];
        break;
      case 'noise':
        num(key, v, 0);
        break;
      case 'seed':
        num(key, v, 0, true, 2 ** 32 - 1);
        break;
      case 'level':
        num(key, v, 1, true, 16);
        break;
      case 'lambda':
        num(key, v, 0);
        break;
      case 'gamma':
        num(key, v, 0);
        break;
      case 'igSteps':
        num(key, v, 1, true, 1024);
        break;
      case 'target':
        num(key, v, 0, true);
        break;
      case 'lr':
        num(key, v, Number.MIN_VALUE);
        break;
      case 'epochs':
        num(key, v, 0, true);
        break;
      case 'batchSize':
        num(key, v, 0, true);
        break;
      case 'mode':
        oneOf(key, v, TRAIN_MODES);
        break;
      case 'attribution':
        oneOf(key, v, ATTRIBUTIONS);
        break;
      case 'backend':
        oneOf(key, v, BACKENDS);
        break;
      case 'shuffle':
        if (typeof v !== 'boolean') bad(key, v, 'expected true or false');
        else c.shuffle = v;
        break;
      case 'weights':
        if (typeof v !== 'object' || v === null) {
          bad(key, v, 'expected an object');
          break;
        }
        for (const [wk, wv] of Object.entries(v as Record<string, unknown>)) {
          if (!(wk in c.weights))
            bad(`weights.${wk}`, wv, 'unknown weight (known: lsum, hsum, l2norm, cmf, conv)');
          else if (!isNum(wv) || wv < 0) bad(`weights.${wk}`, wv, 'expected a number ≥ 0');
          else c.weights[wk as keyof ValidityWeights] = wv;
        }
        break;
      default:
        errors.push(`config: unknown key '${key}'`);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: c };
}

/** Maps the CLI's snake_case keys (batch_size, ig_steps) to the schema's camelCase. */
export function fromJsonKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    out[k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())] = v;
  return out;
}
