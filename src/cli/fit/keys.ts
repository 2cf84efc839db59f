// The keys of an `awd fit` config file: one table drives the unknown-key check, `awd fit --help` and
// the config echo, so the three cannot drift apart. AWD keys are the schema's (protocol/config.ts)
// in snake_case; their defaults come from DEFAULT_CONFIG.
import { DEFAULT_CONFIG } from '../../protocol/config.ts';

export interface KeyDoc {
  readonly key: string;
  /** Shown in --help; JSON text of the default, or a phrase. */
  readonly default: string;
  readonly doc: string;
}

const d = (v: unknown) => JSON.stringify(v);

/** Keys only `awd fit` has (not part of the lab's AwdConfig). */
// prettier-ignore
export const FIT_KEYS: readonly KeyDoc[] = [
  { key: 'data', default: '(required)', doc: '{"x": FILE, "y": FILE}: x is (N,L) or (N,H,W); y is (N,) or (N,k); or {"builtin": NAME, ...options}' },
  { key: 'teacher', default: '(required if gamma > 0)', doc: '{"model": "model.json"} or {"train": {...}} (below)' },
  { key: 'out', default: 'null', doc: 'result file (relative to the config); --out wins; none: stdout' },
  { key: 'allow_gamma_zero', default: 'false', doc: 'teacher not twice differentiable: run with gamma = 0' },
];

const allOne = Object.values(DEFAULT_CONFIG.weights).every((w) => w === 1);

/** The AwdConfig keys as they are written in JSON. */
// prettier-ignore
export const AWD_KEYS: readonly KeyDoc[] = [
  { key: 'wavelet', default: d(DEFAULT_CONFIG.wavelet), doc: 'initial wavelet (haar, dbN, symN, coifN)' },
  { key: 'h0', default: 'null', doc: 'warm-start lowpass filter (pywt rec_lo); overrides wavelet and noise' },
  { key: 'noise', default: d(DEFAULT_CONFIG.noise), doc: 'std of the Gaussian noise added to the initial h0' },
  { key: 'seed', default: d(DEFAULT_CONFIG.seed), doc: 'seed of the init noise, batch order and teacher' },
  { key: 'level', default: d(DEFAULT_CONFIG.level), doc: 'decomposition level J' },
  { key: 'mode', default: d(DEFAULT_CONFIG.mode), doc: 'zero, symmetric, reflect, periodic, periodization' },
  { key: 'lambda', default: d(DEFAULT_CONFIG.lambda), doc: 'weight of the wavelet-coefficient L1 term (l1wave)' },
  { key: 'gamma', default: d(DEFAULT_CONFIG.gamma), doc: 'weight of the attribution L1 term (l1attr)' },
  { key: 'weights', default: allOne ? 'all 1' : d(DEFAULT_CONFIG.weights), doc: 'validity-term weights {"lsum", "hsum", "l2norm", "cmf", "conv"}' },
  { key: 'attribution', default: d(DEFAULT_CONFIG.attribution), doc: 'saliency, input_x_gradient, integrated_gradients' },
  { key: 'ig_steps', default: d(DEFAULT_CONFIG.igSteps), doc: 'Riemann steps of integrated gradients' },
  { key: 'target', default: d(DEFAULT_CONFIG.target), doc: 'teacher output index the attributions explain' },
  { key: 'lr', default: d(DEFAULT_CONFIG.lr), doc: 'Adam learning rate (torch.optim.Adam defaults otherwise)' },
  { key: 'epochs', default: d(DEFAULT_CONFIG.epochs), doc: 'passes over the data (>= 1)' },
  { key: 'batch_size', default: d(DEFAULT_CONFIG.batchSize), doc: 'signals per Adam step; 0 = full batch' },
  { key: 'shuffle', default: d(DEFAULT_CONFIG.shuffle), doc: 'seeded reshuffle of the batches every epoch' },
  { key: 'backend', default: d(DEFAULT_CONFIG.backend), doc: 'cpu, wasm, or auto (wasm if it works, else cpu)' },
];

/** teacher.train keys; arch options are listed in the help text. */
// prettier-ignore
export const TRAIN_KEYS: readonly KeyDoc[] = [
  { key: 'arch', default: '(required)', doc: '{"kind": "mlp1d"|"cnn1d"|"lstm"|"cnn2d", ...options}' },
  { key: 'task', default: '"regression"', doc: 'regression (y is (N,) or (N,k)) or classification (y: class ids)' },
  { key: 'epochs', default: '100', doc: 'most teacher epochs (early stopping on the validation split)' },
  { key: 'seed', default: 'the top-level seed', doc: 'weight init, split and batch order' },
  { key: 'validation_split', default: '0.2', doc: 'held-out fraction: early stopping and the reported metric' },
  { key: 'lr', default: '0.001', doc: 'Adam learning rate' },
  { key: 'batch_size', default: '32', doc: 'samples per step' },
  { key: 'patience', default: '10', doc: 'epochs without a better validation loss before stopping' },
  { key: 'metric', default: '"r2"', doc: 'regression metric: r2 or rmse (classification: accuracy)' },
  { key: 'save', default: 'null', doc: 'write the trained teacher: FILE.json + FILE.weights.bin' },
];

/** Options per arch kind (snake_case) and the defaults the builders use. */
export const ARCH_OPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  mlp1d: { input_length: 'L of x', hidden: '[32, 32]', activation: '"relu"', outputs: 'k' },
  cnn1d: { input_length: 'L of x', filters: '4', kernel_size: '5', dense: '16', outputs: 'k' },
  lstm: { input_length: 'L of x', units: '8', outputs: 'k' },
  cnn2d: { height: 'H of x', width: 'W of x', filters: '4', outputs: 'k' },
};

export const camelToSnake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Levenshtein distance, for "did you mean" on a mistyped key. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** ` (did you mean "x"?)` when one known key is close to `key`, else ''. */
export function didYouMean(key: string, known: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const best = known
    .map((k) => ({ k, dist: norm(k) === norm(key) ? 0 : distance(key.toLowerCase(), k) }))
    .sort((a, b) => a.dist - b.dist)[0];
  // A swap of two letters costs 2; one- and two-letter keys are too short to guess from.
  const most = key.length <= 2 ? 0 : Math.max(2, Math.floor(key.length / 3));
  return best && best.dist <= most ? ` (did you mean "${best.k}"?)` : '';
}
