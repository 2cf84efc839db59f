// Training progress as the worker reports it. Records are every step's losses; a long run is thinned by
// halving (every other old record dropped) so the Losses plot and memory stay bounded for hours.
import type { ProgressRecord } from '../../protocol/messages.ts';
import type { TrainingSlice } from './types.ts';

export const MAX_RECORDS = 4000;

export function initialTrainingSlice(): TrainingSlice {
  return {
    training: {
      status: 'starting',
      step: 0,
      epoch: 0,
      stepsPerSecond: 0,
      stepOffset: 0,
      samples: 0,
      records: [],
      backend: null,
      backendNote: null,
      engineMode: 'worker',
      error: null,
      detail: null,
    },
  };
}

/** A new array (the identity rule: plots see new data) with `add` appended, thinned past `cap`. */
export function appendRecords(
  records: readonly ProgressRecord[],
  add: readonly ProgressRecord[],
  cap = MAX_RECORDS,
): ProgressRecord[] {
  // A step counter that went back means the run restarted (reset): drop the old curve.
  const first = add[0];
  const last = records[records.length - 1];
  const base = first && last && first.step <= last.step ? [] : records;
  let out = [...base, ...add];
  while (out.length > cap) {
    const keepTail = out.slice(-Math.floor(cap / 4));
    const head = out.slice(0, out.length - keepTail.length).filter((_, i) => i % 2 === 0);
    out = [...head, ...keepTail];
  }
  return out;
}
