// The lab controller: the only main-thread code that sends commands (through the worker client) and
// the only writer of what the worker says into the store. Components call these actions; they never
// see the worker. Flow: dataset → teacher (trained in the worker, or imported and checked) → `init`
// on the training split → play. λ/γ go out as `setWeights` (warm: the next step uses them).
import type { AwdConfig, BackendChoice } from '../protocol/config.ts';
import type { Command, TeacherArtifacts, WorkerEvent } from '../protocol/messages.ts';
import { rememberAuto, type KeyValue } from './backendMemo.ts';
import { builtinById } from './builtins.ts';
import { reduceEvent } from './labEvents.ts';
import { LabJobs } from './labJobs.ts';
import type { LabStore } from './store/index.ts';
import { mergeConfig } from './store/configSlice.ts';
import { activeDataset, splitSets, takeRows, withDataset } from './store/dataSlice.ts';
import { initialResultsSlice } from './store/resultsSlice.ts';
import type { LabDataset, SplitFractions, TeacherOptions } from './store/types.ts';
import { restoredState } from './restore.ts';
import type { SessionExport } from './export/session.ts';
import type { SavedRun, SavedTeacher } from './persist/db.ts';

/** What the controller needs of src/app/workerClient.ts (a fake in unit tests). */
export interface LabClient {
  send(cmd: Command): void;
  subscribe(fn: (ev: WorkerEvent) => void): () => void;
  readonly mode: 'worker' | 'main-thread';
}

export interface StartOptions {
  /** Play as soon as the run is initialised (the demo does). */
  autoplay?: boolean;
  /** Continue this session (its config, curves and last filter) instead of starting fresh. */
  session?: SessionExport | null;
}

export class LabController {
  /** True once `init` went out for the current dataset + teacher (setConfig/selectSample need a run). */
  private running = false;
  private autoplay = true;
  /** A session to continue once the next run starts (reload, or an imported session file). */
  private pendingSession: SessionExport | null = null;
  private lastTeacherCmd: Extract<Command, { type: 'trainTeacher' }> | null = null;
  private teacherOnCpu = false;
  private awaitingRun = false;
  private readonly unsubscribe: () => void;
  /** Evaluation table and λ×γ sweep (src/app/labJobs.ts). */
  readonly jobs: LabJobs;

  constructor(
    readonly store: LabStore,
    private readonly client: LabClient,
    private readonly storage: KeyValue | null = null,
  ) {
    this.unsubscribe = client.subscribe((ev) => this.onEvent(ev));
    this.jobs = new LabJobs(store, client, (w) => this.setWeights(w));
  }

  dispose(): void {
    this.unsubscribe();
  }

  private get s() {
    return this.store.getState();
  }

  private onEvent(ev: WorkerEvent): void {
    // Between an init/reset and the engine's answer (a state event at step 0), progress and snapshots
    // still in flight belong to the previous run: drop them, or they would land on the new curve.
    if (this.awaitingRun) {
      if (ev.type === 'progress' || ev.type === 'snapshot') return;
      if (ev.type === 'state' && ev.step === 0) this.awaitingRun = false;
    }
    if (ev.type === 'error' && ev.command === 'trainTeacher' && this.retryTeacherOnCpu(ev.message)) return;
    if (ev.type === 'ready') {
      rememberAuto(ev, this.storage);
      if (ev.requested === 'auto' && this.s.training.backendNote)
        this.store.setState({ training: { ...this.s.training, backendNote: null } });
    }
    this.store.setState(reduceEvent(this.s, ev));
    if (ev.type === 'state')
      this.store.setState({ training: { ...this.s.training, engineMode: this.client.mode } });
    if (ev.type === 'teacherTrained' && this.teacherOnCpu) {
      // Back to the run's backend for the wavelet (the teacher's weights travel as artifacts).
      this.teacherOnCpu = false;
      this.client.send({ type: 'setBackend', backend: this.s.config.backend });
    }
    if (ev.type === 'teacherTrained' && ev.compat.ok && this.s.teacher.datasetId === this.s.activeId)
      this.initRun();
    if (ev.type === 'teacherChecked' && ev.ok && this.s.teacher.datasetId === this.s.activeId) this.initRun();
  }

  // ---- data ----

  /** Opens a built-in dataset by id; false when there is no such dataset. */
  openBuiltin(id: string, opts: StartOptions = {}): boolean {
    const b = builtinById(id);
    if (!b) return false;
    const have = this.s.datasets.find((d) => d.id === id);
    this.useDataset(have ?? b.make(), opts);
    this.store.setState({ datasetId: id });
    return true;
  }

  /** Makes `d` the active dataset and trains a teacher for it (or checks the imported one). */
  useDataset(d: LabDataset, opts: StartOptions = {}): void {
    this.autoplay = opts.autoplay ?? true;
    this.pendingSession = opts.session ?? null;
    if (opts.session) this.store.setState({ config: opts.session.config });
    const level = Math.min(this.s.config.level, maxLevelFor(d));
    this.store.setState({
      ...withDataset(this.s, d),
      config: level === this.s.config.level ? this.s.config : mergeConfig(this.s.config, { level }),
      view: { ...this.s.view, sample: 0 },
    });
    this.stopRun();
    const t = this.s.teacher;
    const archFits = (t.options.arch === 'cnn2d') === (d.kind === '2d');
    const options: TeacherOptions = archFits
      ? t.options
      : { ...t.options, arch: d.kind === '2d' ? 'cnn2d' : 'mlp1d' };
    this.store.setState({ teacher: { ...t, options } });
    if (d.y) this.trainTeacher();
    else if (t.artifacts) this.importTeacher(t.artifacts);
    else
      this.store.setState({
        teacher: {
          ...this.s.teacher,
          status: 'none',
          datasetId: d.id,
          error: `${d.name} has no labels: import a teacher (model.json + weights) to explain it`,
        },
      });
  }

  /** A new split retrains the teacher (its validation set changed) and restarts the run. */
  setSplit(patch: Partial<SplitFractions>): void {
    this.store.setState({ split: { ...this.s.split, ...patch } });
    const d = activeDataset(this.s);
    if (d) this.useDataset(d, { autoplay: this.autoplay });
  }

  setUploadError(message: string | null): void {
    this.store.setState({ uploadError: message });
  }

  setBusy(what: string | null): void {
    this.store.setState({ busy: what });
  }

  // ---- teacher ----

  setTeacherOptions(o: Partial<TeacherOptions>): void {
    this.store.setState({ teacher: { ...this.s.teacher, options: { ...this.s.teacher.options, ...o } } });
  }

  trainTeacher(): void {
    const d = activeDataset(this.s);
    if (!d?.y) return;
    this.stopRun();
    const { train, val } = splitSets(d.shape[0]!, this.s.split);
    // The teacher sees train + validation (validation only for early stopping and its reported metric).
    const idx = Int32Array.from([...train, ...val]).sort();
    const x = takeRows(d.x, d.shape, idx);
    const y = takeRows(d.y, [d.y.length], idx);
    const t = this.s.teacher;
    this.store.setState({
      teacher: {
        ...t,
        status: 'training',
        source: 'trained',
        datasetId: d.id,
        history: [],
        metric: null,
        verdict: null,
        artifacts: null,
        error: null,
        note: null,
      },
    });
    this.teacherOnCpu = false;
    this.lastTeacherCmd = {
      type: 'trainTeacher',
      arch: { kind: t.options.arch },
      data: { x, shape: [idx.length, ...d.shape.slice(1)] },
      y,
      yShape: [idx.length],
      task: d.task,
      epochs: t.options.epochs,
      batchSize: 32,
      lr: 0.005,
      seed: this.s.split.seed,
      validationSplit: Math.min(0.5, Math.max(0.05, val.length / idx.length)),
      patience: 8,
    };
    this.client.send(this.lastTeacherCmd);
  }

  /**
   * A backend that lacks a training kernel (wasm has no Conv2DBackpropFilter, so no conv teacher trains
   * there) gets the teacher trained on cpu instead; AWD then runs on the chosen backend again.
   */
  private retryTeacherOnCpu(message: string): boolean {
    const m = /Kernel '(\w+)' not registered for backend '(\w+)'/.exec(message);
    if (!m || m[2] === 'cpu' || this.teacherOnCpu || !this.lastTeacherCmd) return false;
    this.teacherOnCpu = true;
    this.store.setState({
      teacher: {
        ...this.s.teacher,
        status: 'training',
        error: null,
        note: `training the teacher on cpu: ${m[2]} has no ${m[1]} kernel`,
      },
    });
    this.client.send({ type: 'setBackend', backend: 'cpu' });
    this.client.send(this.lastTeacherCmd);
    return true;
  }

  stopTeacher(): void {
    this.client.send({ type: 'stopTeacher' });
  }

  /** Uses an uploaded TF.js Layers model: the worker checks it, and a run starts if it passes. */
  importTeacher(artifacts: TeacherArtifacts): void {
    const d = activeDataset(this.s);
    if (!d) return;
    this.stopRun();
    this.store.setState({
      teacher: {
        ...this.s.teacher,
        status: 'checking',
        source: 'imported',
        datasetId: d.id,
        artifacts,
        history: [],
        metric: null,
        verdict: null,
        error: null,
      },
    });
    this.client.send({
      type: 'checkTeacher',
      teacher: artifacts,
      inputShape: d.shape.slice(1),
      target: this.s.config.target,
    });
  }

  // ---- the AWD run ----

  private stopRun(): void {
    if (this.running) this.client.send({ type: 'pause' });
    this.running = false;
  }

  private initRun(): void {
    const d = activeDataset(this.s);
    const artifacts = this.s.teacher.artifacts;
    if (!d || !artifacts) return;
    const { train } = splitSets(d.shape[0]!, this.s.split);
    const x = takeRows(d.x, d.shape, train);
    const restore = this.pendingSession;
    this.pendingSession = null;
    if (restore) this.store.setState(restoredState(this.s, restore));
    else
      this.store.setState({
        ...initialResultsSlice(),
        training: { ...this.s.training, records: [], error: null, step: 0, epoch: 0, stepOffset: 0 },
      });
    this.store.setState({ training: { ...this.s.training, samples: train.length } });
    const cmd: Command = {
      type: 'init',
      config: this.s.config,
      data: { x, shape: [train.length, ...d.shape.slice(1)] },
      teacher: artifacts,
    };
    const h0 = restore?.h0History.at(-1)?.h0 ?? null;
    if (h0) cmd.h0 = h0;
    const sample = this.s.view.sample;
    this.awaitingRun = true;
    this.client.send(cmd);
    this.running = true;
    if (restore && sample > 0 && sample < train.length)
      this.client.send({ type: 'selectSample', index: sample });
    if (this.autoplay) this.client.send({ type: 'play' });
  }

  /**
   * Continues a saved lab (a reload): its dataset (uploads come from IndexedDB, built-ins regenerate),
   * split, teacher (re-checked by the worker, not retrained) and run. False if there is nothing to resume.
   */
  resume(saved: { run: SavedRun | null; teacher: SavedTeacher | null; uploads: LabDataset[] }): boolean {
    const { run, teacher, uploads } = saved;
    if (!run) return false;
    const d = uploads.find((u) => u.id === run.activeId) ?? builtinById(run.activeId)?.make();
    if (!d) return false;
    this.autoplay = run.playing;
    this.pendingSession = run.session;
    this.store.setState({
      datasets: uploads.filter((u) => u.id !== d.id),
      split: run.split,
      ...(d.source === 'builtin' ? { datasetId: d.id } : {}),
    });
    this.store.setState({
      ...withDataset(this.s, d),
      config: run.session.config,
      view: { ...this.s.view, sample: run.sample },
    });
    if (teacher?.artifacts && teacher.datasetId === d.id) {
      this.store.setState({ teacher: { ...teacher, status: 'checking', error: null, note: null } });
      this.client.send({
        type: 'checkTeacher',
        teacher: teacher.artifacts,
        inputShape: d.shape.slice(1),
        target: run.session.config.target,
      });
    } else if (d.y) this.trainTeacher();
    return true;
  }

  play(): void {
    this.autoplay = true;
    if (this.running) this.client.send({ type: 'play' });
  }
  pause(): void {
    this.autoplay = false;
    if (this.running) this.client.send({ type: 'pause' });
  }
  step(n = 1): void {
    if (this.running) this.client.send({ type: 'step', n });
  }
  /** Re-imports a session file: its config and curves, then training continues from its last filter. */
  importSession(sess: SessionExport): void {
    const d = activeDataset(this.s);
    if (!d) return;
    this.pendingSession = sess;
    this.store.setState({ config: sess.config });
    if (this.s.teacher.artifacts && this.s.teacher.status === 'ready') {
      this.stopRun();
      this.initRun();
    }
  }

  reset(): void {
    if (!this.running) return;
    this.store.setState({
      ...initialResultsSlice(),
      training: { ...this.s.training, records: [], step: 0, epoch: 0, error: null, stepOffset: 0 },
    });
    this.awaitingRun = true;
    this.client.send({ type: 'reset' });
    if (this.autoplay) this.client.send({ type: 'play' });
  }

  /** λ/γ retrain live from the current filter (warm start). */
  setWeights(w: { lambda?: number; gamma?: number }): void {
    this.store.setState({ config: mergeConfig(this.s.config, w) });
    if (this.running) this.client.send({ type: 'setWeights', ...w });
  }

  /** Any other config change: the worker decides whether it is live, warm (keep h0) or cold (restart). */
  setConfig(patch: Partial<AwdConfig>): void {
    this.store.setState({ config: mergeConfig(this.s.config, patch) });
    if (!this.running) return;
    if (patch.backend !== undefined) {
      this.setBackend(patch.backend);
      const { backend: _b, ...rest } = patch;
      if (Object.keys(rest).length) this.client.send({ type: 'setConfig', patch: rest });
      return;
    }
    this.client.send({ type: 'setConfig', patch });
  }

  setBackend(backend: BackendChoice): void {
    this.store.setState({
      config: mergeConfig(this.s.config, { backend }),
      training: { ...this.s.training, backendNote: null },
    });
    this.client.send({ type: 'setBackend', backend });
  }

  selectSample(index: number): void {
    this.store.setState({ view: { ...this.s.view, sample: index } });
    if (this.running) this.client.send({ type: 'selectSample', index });
  }
}

/** The deepest J a dataset supports: every level must keep at least one sample per axis (2^J ≤ side). */
export function maxLevelFor(d: Pick<LabDataset, 'shape'>): number {
  const side = Math.min(...d.shape.slice(1));
  return Math.max(1, Math.floor(Math.log2(Math.max(2, side))));
}
