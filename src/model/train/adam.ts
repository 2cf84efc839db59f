// Adam with torch.optim.Adam's exact update (amsgrad off, no weight decay), kept in float64 on the JS side:
//   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  p ← p − lr·m̂ / (√v̂ + ε),
// with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ). tf.train.adam folds ε in differently (ε·√(1−β2ᵗ) placement and
// float32 state), which drifts from awave's trajectories; h0 has only K taps, so float64 here is free.

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export interface AdamState {
  t: number;
  m: Float64Array;
  v: Float64Array;
}

export class TorchAdam {
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  private state: AdamState;

  constructor(size: number, opts: AdamOptions) {
    this.lr = opts.lr;
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.eps = opts.eps ?? 1e-8;
    this.state = { t: 0, m: new Float64Array(size), v: new Float64Array(size) };
  }

  /** Returns the updated parameters (a new array); `p` and `g` are left untouched. */
  step(p: ArrayLike<number>, g: ArrayLike<number>): Float64Array {
    const { m, v } = this.state;
    if (p.length !== m.length || g.length !== m.length)
      throw new Error(
        `TorchAdam.step: expected ${m.length} parameters and gradients, got ${p.length} and ${g.length}`,
      );
    const t = ++this.state.t;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const bc1 = 1 - b1 ** t;
    const sqrtBc2 = Math.sqrt(1 - b2 ** t);
    const out = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * gi;
      v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
      // torch: denom = √v / √(1−β2ᵗ) + ε; p −= (lr / (1−β1ᵗ)) · m / denom
      out[i] = p[i]! - (this.lr / bc1) * (m[i]! / (Math.sqrt(v[i]!) / sqrtBc2 + this.eps));
    }
    return out;
  }

  /** Snapshot for rollback after a diverged step. */
  snapshot(): AdamState {
    return { t: this.state.t, m: this.state.m.slice(), v: this.state.v.slice() };
  }

  restore(s: AdamState): void {
    this.state = { t: s.t, m: s.m.slice(), v: s.v.slice() };
  }
}
