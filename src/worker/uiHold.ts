// Training yields the CPU while the page draws (uiHold … uiRelease): on a 2-core machine a training
// worker at full speed leaves the main thread one core shared with raster and compositing, and a
// 15 ms Plotly redraw stretched past 50 ms (measured: 7 long tasks in 10 s → 0–1 with the worker idle
// during draws). A hold expires by itself, so a page that never releases cannot stall training.
export class UiHold {
  private until = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly now: () => number) {}

  hold(ms: number): void {
    this.until = Math.max(this.until, this.now() + ms);
  }

  release(): void {
    this.until = 0;
    this.wake?.();
  }

  /** Resolves once no hold is in force (at once when none is). */
  async wait(): Promise<void> {
    while (this.until > this.now()) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.max(1, this.until - this.now()));
      });
      this.wake = null;
    }
  }
}
