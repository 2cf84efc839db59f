// The slice of Plotly's API the wrapper uses (plotly.js-dist-min ships no types).
declare module 'plotly.js-dist-min' {
  interface PlotlyApi {
    react(el: HTMLElement, data: unknown[], layout: unknown, config?: unknown): Promise<unknown>;
    purge(el: HTMLElement): void;
    /** A graph div, or a figure object (Plotly draws it off-screen for the file). */
    downloadImage(
      el: HTMLElement | { data: unknown[]; layout: unknown },
      opts: { format: 'png' | 'svg'; filename: string; width?: number; height?: number },
    ): Promise<string>;
    toImage(
      el: HTMLElement,
      opts: { format: 'png' | 'svg'; width?: number; height?: number },
    ): Promise<string>;
    Plots: { resize(el: HTMLElement): void };
  }
  const Plotly: PlotlyApi;
  export default Plotly;
}
