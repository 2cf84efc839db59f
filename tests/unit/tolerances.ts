// Every numeric tolerance the tests use, in one place (shared/ARCHITECTURE.md).
export const TOL = {
  /** float64 core vs PyWavelets coefficients and reconstructions (max abs). */
  pywt: 1e-10,
  /** float64 core cascade (wavefun) vs PyWavelets (max abs). */
  wavefun: 1e-9,
  /** MATLAB R2012a dwt outputs, RMS (pywt's own test tolerance: taps differ slightly). */
  matlabRms: 5e-5,
  /** perfect reconstruction in float64 (max abs). */
  perfectRecon: 1e-10,
  /** float64 filter invariants (sums, orthonormality). */
  invariants: 1e-10,
  /** float32 tf twin vs float64 core, relative to the signal's max abs. */
  float32: 1e-5,
  /** AWD loss terms vs awave: relative, with an absolute floor. */
  awdRel: 1e-4,
  awdAbsFloor: 1e-6,
  /** grad_h0 vs awave, relative to its norm; h0 after an awd_fit run (max abs). */
  awdGradRel: 1e-4,
  awdFit: 1e-4,
  /** central finite differences of second-order paths (relative). */
  finiteDiff: 2e-3,
  /** float32 teacher forward and input gradients vs torch float64, relative to the reference's max abs. */
  teacherRef: 1e-4,
  /** our rebuilt teacher vs tfjs-layers' own forward/gradient, float32 both (rel. to max abs). */
  teacherParity: 1e-5,
  /** float64 core validity terms (lsum…conv) vs awave's float64 values in awd_loss.json (relative). */
  validityF64Rel: 1e-9,
} as const;

// Datasets and distilled predictors (src/core/datasets, src/core/predict).
export const TOL_PREDICT = {
  /** radix-2 FFT vs the naive O(N²) DFT, max abs, for unit-scale inputs up to N=256 (error ~ ε·N·log N). */
  fft: 1e-10,
  /** pseudo-inverse / eigen identities (A A⁺ A = A, …) on well-scaled ≤ 12×12 matrices, max abs. */
  linalg: 1e-10,
  /** ridge/least squares vs the closed form solved independently, max abs on O(1) coefficients. */
  ridge: 1e-9,
  /** Statistical checks: a sample statistic may deviate from its expectation by at most this many
   * standard errors (5σ: a false alarm about once in 1.7 million runs, and runs are seeded anyway). */
  zScore: 5,
} as const;

// Evaluation table and λ×γ sweep (src/model/evaluate, src/model/sweep).
export const TOL_EVAL = {
  /** The same float64 arithmetic redone by hand in the test (bootstrap SEs, metrics), max abs. */
  sameArithmetic: 1e-12,
  /** float32 engine values (coefficients, teacher outputs) vs float64 recomputation, relative. */
  float32Rel: 1e-5,
  /** Must-show (fast versions): test R² of the linear model on ≤ 10 top-attributed coefficients. */
  minTopAttrR2: 0.95,
  /** awave dist to db5 an AWD run from db5 + 0.1·noise must get below (the must-show). */
  maxDistToDb5: 0.1,
} as const;
