// One threshold for "a small machine", shared by the page (draw share, training pauses while plots
// draw: src/main.tsx) and the worker (how often it reports: src/worker/reporter.ts), which tune
// themselves to each other there. Unknown core counts count as 2.
export function isSmallMachine(cores: number | undefined): boolean {
  return (cores || 2) <= 4;
}
