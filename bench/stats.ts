// Small statistics and timing-window helpers shared by the Node and the Chromium benchmarks.

export interface Spread {
  median: number;
  min: number;
  max: number;
  mean: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  if (!values.length) return { median: NaN, min: NaN, max: NaN, mean: NaN, n: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { median, min: s[0]!, max: s[s.length - 1]!, mean, n: s.length };
}

/**
 * The timing protocol for training throughput (the same in Node and in the worker): warm-up until at
 * least `warmupSteps` steps AND `warmupMs` have passed (or `warmupMaxMs`, for slow backends), then
 * `windows` windows, each closed once it has ≥ `windowSteps` steps and ≥ `windowMinMs`, or ≥
 * `windowMaxMs` with at least one step. Steps/s = median over the windows.
 */
export interface WindowPlan {
  warmupSteps: number;
  warmupMs: number;
  warmupMaxMs: number;
  windows: number;
  windowSteps: number;
  windowMinMs: number;
  windowMaxMs: number;
}

export const WINDOWS: WindowPlan = {
  warmupSteps: 3,
  warmupMs: 1000,
  warmupMaxMs: 4000,
  windows: 3,
  windowSteps: 40,
  windowMinMs: 1000,
  windowMaxMs: 3000,
};

export interface Throughput {
  /** Median steps/s over the windows. */
  stepsPerSecond: number;
  /** Per-window steps/s. */
  windows: number[];
  min: number;
  max: number;
  /** Steps timed (warm-up excluded) and their wall time. */
  steps: number;
  ms: number;
  warmupSteps: number;
  /** Median ms per step (1000 / steps/s). */
  msPerStep: number;
  /** False when the plan was cut short (a very slow backend): the open window was counted as is. */
  complete: boolean;
}

/**
 * Feeds step counts as they happen (`add(steps, now)`); says when the plan is complete. Works for one
 * step at a time (Node) and for batches of steps per progress event (the worker).
 */
export class WindowMeter {
  private phase: 'warmup' | 'timing' = 'warmup';
  private t0: number;
  private steps = 0;
  private warm = 0;
  private readonly rates: number[] = [];
  private timedSteps = 0;
  private timedMs = 0;

  constructor(
    start: number,
    private readonly plan: WindowPlan = WINDOWS,
  ) {
    this.t0 = start;
  }

  /** True once the warm-up is over (the windows are being timed). */
  get timing(): boolean {
    return this.phase === 'timing';
  }

  /** Records `n` more steps finished at time `now`; returns true once every window is closed. */
  add(n: number, now: number): boolean {
    this.steps += n;
    const dt = now - this.t0;
    const p = this.plan;
    if (this.phase === 'warmup') {
      if ((this.steps >= p.warmupSteps && dt >= p.warmupMs) || (dt >= p.warmupMaxMs && this.steps > 0)) {
        this.warm = this.steps;
        this.phase = 'timing';
        this.t0 = now;
        this.steps = 0;
      }
      return false;
    }
    if ((this.steps >= p.windowSteps && dt >= p.windowMinMs) || (dt >= p.windowMaxMs && this.steps > 0)) {
      this.rates.push((this.steps * 1000) / dt);
      this.timedSteps += this.steps;
      this.timedMs += dt;
      this.t0 = now;
      this.steps = 0;
    }
    return this.rates.length >= p.windows;
  }

  /** The windows so far; `now` (when cut short) also counts the open window if it has steps. */
  result(now?: number): Throughput {
    const rates = [...this.rates];
    let [steps, ms] = [this.timedSteps, this.timedMs];
    const complete = rates.length >= this.plan.windows;
    if (!complete && now !== undefined && this.phase === 'timing' && this.steps > 0) {
      rates.push((this.steps * 1000) / (now - this.t0));
      steps += this.steps;
      ms += now - this.t0;
    }
    const s = spread(rates);
    return {
      stepsPerSecond: s.median,
      windows: rates,
      min: s.min,
      max: s.max,
      steps,
      ms,
      warmupSteps: this.warm,
      msPerStep: 1000 / s.median,
      complete,
    };
  }
}
