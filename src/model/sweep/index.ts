// The λ×γ sweep: awave's warm-started path over a log-spaced grid, selection by a validation metric,
// runs that can be split across processes (each run is reproducible from its warm-start chain).
export { chainOf, logGrid, normalizeGrid, planSweep, runFileName, shardRuns } from './grid.ts';
export type { SweepGrid, SweepPoint } from './grid.ts';
export { runPoint } from './runPoint.ts';
export type { EpochRecord, SweepContext, SweepRun } from './runPoint.ts';
export { memoryStore, runSweep } from './runSweep.ts';
export type { RunStore, SweepEvents } from './runSweep.ts';
export { selectBest, validator1d, validator2d } from './validate.ts';
export type { Predictor1d, Validation, Validator1dOptions, Validator2dOptions } from './validate.ts';
export { summarize } from './summary.ts';
export type { SummaryLine, SweepSummary } from './summary.ts';
