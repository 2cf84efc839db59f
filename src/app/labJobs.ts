// The lab-job actions: evaluate the run's wavelet, run / stop the λ×γ sweep, load a sweep run into the
// live run. The jobs get the whole active dataset with its targets and the split the run trained on, so
// the worker fits on train, selects on validation and reports the test split. While a sweep runs the
// worker holds live training (it continues afterwards); changing the dataset stops the sweep.
import { MAX_GRID, MAX_SWEEP_EPOCHS } from '../protocol/parseLabJobCommand.ts';
import type { LabelledData } from '../protocol/messages.ts';
import type { LabClient } from './lab.ts';
import type { LabStore } from './store/index.ts';
import { activeDataset, splitSets } from './store/dataSlice.ts';
import { axisProblem, axisValues } from './store/jobSlices.ts';
import type { LabDataset, SweepSettings } from './store/types.ts';

/** Bootstrap resamples behind the table's standard errors (the CLI's default is 1000; this keeps it quick). */
export const LAB_BOOTSTRAP_REPS = 300;

/**
 * The class of each map for peak counting: the dataset's own (the mass maps' cosmology), else the
 * distinct target values in ascending order (an upload whose maps share a few target values).
 */
export function groupsOf(d: Pick<LabDataset, 'groups' | 'y'>): Int32Array | null {
  if (d.groups) return d.groups;
  if (!d.y) return null;
  const values = [...new Set(d.y)].sort((a, b) => a - b);
  const id = new Map(values.map((v, i) => [v, i]));
  return Int32Array.from(d.y, (v) => id.get(v)!);
}

/** The active dataset as a job needs it (fresh copies: they are transferred), or why it cannot be used. */
export function labelledData(
  d: LabDataset | null,
  split: Parameters<typeof splitSets>[1],
): LabelledData | string {
  if (!d) return 'no dataset';
  if (!d.y) return `${d.name} has no targets: the evaluation and the sweep need labelled data`;
  const n = d.shape[0]!;
  if (n < 3) return `${d.name}: at least 3 samples are needed for a train/validation/test split`;
  const { train, val, test } = splitSets(n, split);
  return {
    x: d.x.slice(),
    shape: [...d.shape],
    y: d.y.slice(),
    groups: d.kind === '2d' ? (groupsOf(d)?.slice() ?? null) : null,
    train,
    val,
    test,
    splitSeed: split.seed,
    targetName: d.targetName,
  };
}

/** The sweep's grid from the settings, or why it cannot run. */
export function sweepGrid(st: SweepSettings): { lambdas: number[]; gammas: number[] } | string {
  const p = axisProblem('λ', st.lambda, MAX_GRID) ?? axisProblem('γ', st.gamma, MAX_GRID);
  if (p) return p;
  if (!Number.isInteger(st.epochs) || st.epochs < 1 || st.epochs > MAX_SWEEP_EPOCHS)
    return `epochs per run: an integer in 1…${MAX_SWEEP_EPOCHS}`;
  return { lambdas: axisValues(st.lambda), gammas: axisValues(st.gamma) };
}

export class LabJobs {
  constructor(
    private readonly store: LabStore,
    private readonly client: Pick<LabClient, 'send'>,
    /** The controller's λ/γ action (store + worker), so a loaded run continues at its own weights. */
    private readonly setWeights: (w: { lambda: number; gamma: number }) => void,
  ) {
    // A sweep belongs to its dataset: switching datasets stops it (its finished runs stay visible).
    store.subscribe((s, prev) => {
      if (s.activeId !== prev.activeId && s.sweep.status === 'running') this.stopSweep();
    });
  }

  private get s() {
    return this.store.getState();
  }

  evaluate(): void {
    const d = activeDataset(this.s);
    const data = labelledData(d, this.s.split);
    const base = { ...this.s.evaluation, datasetId: d?.id ?? null, step: this.s.training.step, ms: null };
    if (typeof data === 'string') {
      this.store.setState({ evaluation: { ...base, status: 'error', error: data } });
      return;
    }
    this.store.setState({ evaluation: { ...base, status: 'running', error: null } });
    this.client.send({ type: 'evaluate', data, bootstrapReps: LAB_BOOTSTRAP_REPS });
  }

  setSweepSettings(patch: Partial<SweepSettings>): void {
    this.store.setState({ sweep: { ...this.s.sweep, settings: { ...this.s.sweep.settings, ...patch } } });
  }

  startSweep(): void {
    const st = this.s.sweep.settings;
    const d = activeDataset(this.s);
    const grid = sweepGrid(st);
    const data = labelledData(d, this.s.split);
    const fresh = {
      ...this.s.sweep,
      runs: [],
      progress: null,
      selected: null,
      loaded: null,
      ms: null,
      datasetId: d?.id ?? null,
    };
    if (typeof grid === 'string' || typeof data === 'string') {
      this.store.setState({
        sweep: { ...fresh, status: 'error', error: typeof grid === 'string' ? grid : (data as string) },
      });
      return;
    }
    this.store.setState({ sweep: { ...fresh, ...grid, status: 'running', error: null } });
    this.client.send({ type: 'sweep', data, ...grid, epochs: st.epochs, warmStart: st.warmStart });
  }

  stopSweep(): void {
    if (this.s.sweep.status !== 'running') return;
    this.store.setState({ sweep: { ...this.s.sweep, status: 'stopping' } });
    this.client.send({ type: 'stopSweep' });
  }

  /** Continues the live run from sweep run `index`'s filter, at that run's λ and γ. */
  loadRun(index: number): void {
    const run = this.s.sweep.runs.find((r) => r.index === index);
    if (!run) return;
    this.setWeights({ lambda: run.lambda, gamma: run.gamma });
    this.client.send({ type: 'loadH0', h0: [...run.h0] });
    this.store.setState({ sweep: { ...this.s.sweep, loaded: index, error: null } });
  }
}
