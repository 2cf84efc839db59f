// The one lab store: a vanilla zustand store (no React here) of typed slices. React components read it
// with selectors (src/ui/useLab.ts); only the lab controller (src/app/lab.ts) writes what the worker says.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialConfigSlice } from './configSlice.ts';
import { initialDataSlice } from './dataSlice.ts';
import { initialEvaluationSlice, initialSweepSlice } from './jobSlices.ts';
import { initialResultsSlice } from './resultsSlice.ts';
import { initialTeacherSlice } from './teacherSlice.ts';
import { initialTrainingSlice } from './trainingSlice.ts';
import type { LabState } from './types.ts';
import { initialViewSlice } from './viewSlice.ts';

export type LabStore = StoreApi<LabState>;

export function createLabStore(over: Partial<LabState> = {}, tourSeen = false): LabStore {
  return createStore<LabState>()(() => ({
    ...initialConfigSlice(),
    ...initialDataSlice(),
    ...initialTeacherSlice(),
    ...initialTrainingSlice(),
    ...initialResultsSlice(),
    ...initialViewSlice(tourSeen),
    ...initialEvaluationSlice(),
    ...initialSweepSlice(),
    ...over,
  }));
}

export type * from './types.ts';
