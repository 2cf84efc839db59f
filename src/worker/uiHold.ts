// Training yields the CPU while the page draws (uiHold … uiRelease): on a 2-core machine a training
// worker at full speed leaves the main thread one core shared with raster and compositing, and a
// 15 ms Plotly redraw stretched past 50 ms (measured: 7 long tasks in 10 s → 0–1 with the worker idle
// during draws). `onHeld` tells the page once training is actually paused (a hold arriving mid-step
// takes effect after the step: 100+ ms on 2-D data), so it can wait for that before drawing. A hold
// expires by itself, so a page that never releases cannot stall training.
export class UiHold {
  private until = 0;
  private wake: (() => void) | null = null;
  private waiting = false;

  constructor(
    private readonly now: () => number,
    private readonly onHeld: () => void = () => {},
  ) {}

  /** `idle`: no training loop is running, so nothing needs to pause (answered at once). */
  hold(ms: number, idle = false): void {
    this.until = Math.max(this.until, this.now() + ms);
    if (idle || this.waiting) this.onHeld();
  }

  release(): void {
    this.until = 0;
    this.wake?.();
  }

  /** Resolves once no hold is in force (at once when none is). Called by the loop between steps. */
  async wait(): Promise<void> {
    if (this.until <= this.now()) return;
    this.waiting = true;
    this.onHeld();
    try {
      while (this.until > this.now()) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, Math.max(1, this.until - this.now()));
        });
        this.wake = null;
      }
    } finally {
      this.waiting = false;
    }
  }
}
