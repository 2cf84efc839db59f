// The lab's main-thread state, one typed slice per concern (shared/ARCHITECTURE.md "State"). Plain data
// only: arrays are typed arrays, nothing here holds a Worker, a DOM node or a Plotly figure.
import type { AwdConfig } from '../../protocol/config.ts';
import type {
  ProgressRecord,
  ReadyEvent,
  SnapshotEvent,
  TeacherArtifacts,
  TrainStatus,
} from '../../protocol/messages.ts';
import type { EvaluationSlice, SweepSlice } from './jobTypes.ts';

export type * from './jobTypes.ts';

export type DataKind = '1d' | '2d';
export type Task = 'regression' | 'classification';

/** A dataset the lab can train on: inputs N×L (1-D) or N×H×W (2-D), row-major, and one target per sample. */
export interface LabDataset {
  /** 'builtin:<name>' or 'upload:<n>'. */
  id: string;
  name: string;
  source: 'builtin' | 'upload';
  description: string;
  kind: DataKind;
  x: Float32Array;
  shape: number[];
  /** Targets (regression) or class ids (classification); null when the upload had no label column. */
  y: Float32Array | null;
  targetName: string;
  task: Task;
  /** Class names for classification, indexed by class id. */
  classes: string[];
  /** 2-D: the class of each map that peak counting fits (the mass maps' cosmology); absent: see groupsOf. */
  groups?: Int32Array;
}

/** Fractions of the samples held out for validation (teacher early stopping) and test (held-out metric). */
export interface SplitFractions {
  val: number;
  test: number;
  seed: number;
}

export interface ConfigSlice {
  config: AwdConfig;
  /** The built-in dataset the URL asked for (config, not data: uploads are never in a link). */
  datasetId: string;
}

export interface DataSlice {
  datasets: LabDataset[];
  activeId: string | null;
  split: SplitFractions;
  /** The last upload problem, one specific line; cleared by the next successful load. */
  uploadError: string | null;
  busy: string | null;
}

export type TeacherStatus = 'none' | 'training' | 'checking' | 'ready' | 'error';
export interface TeacherEpoch {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}
export interface TeacherVerdict {
  ok: boolean;
  /** One line the page shows, e.g. "second-order safe: every layer has a twice-differentiable forward". */
  summary: string;
  problems: string[];
}
export interface TeacherOptions {
  arch: 'mlp1d' | 'cnn1d' | 'lstm' | 'cnn2d';
  epochs: number;
}
export interface TeacherSlice {
  teacher: {
    status: TeacherStatus;
    source: 'trained' | 'imported' | null;
    /** Which dataset it was trained on / checked against. */
    datasetId: string | null;
    options: TeacherOptions;
    history: TeacherEpoch[];
    metric: { name: string; value: number } | null;
    verdict: TeacherVerdict | null;
    artifacts: TeacherArtifacts | null;
    error: string | null;
    /** What the lab did on the teacher's behalf (e.g. trained it on another backend), shown as is. */
    note: string | null;
  };
}

export interface TrainingSlice {
  training: {
    status: TrainStatus | 'starting';
    step: number;
    epoch: number;
    stepsPerSecond: number;
    /** Added to the worker's step counter: a restored session continues its curves where they ended. */
    stepOffset: number;
    /** Samples in the run (the training split): the range of the sample selector. */
    samples: number;
    /** Every step's losses (thinned by halving once it gets long, so memory stays bounded). */
    records: ProgressRecord[];
    backend: ReadyEvent | null;
    /** Why the active backend differs from what the worker was asked for (a remembered auto choice). */
    backendNote: string | null;
    engineMode: 'worker' | 'main-thread';
    error: string | null;
    detail: string | null;
  };
}

export interface H0Point {
  step: number;
  h0: number[];
}
export interface ResultsSlice {
  results: {
    snapshot: SnapshotEvent | null;
    /** The filter training started from (after noise), for "now vs initial". */
    initialH0: number[] | null;
    initialWavefun: { x: Float32Array; phi: Float32Array; psi: Float32Array } | null;
    h0History: H0Point[];
    /** awave `dist` to the initial wavelet, one point per snapshot. */
    distance: { step: number; value: number }[];
  };
}

export type BandView = 'coefficients' | 'attributions';
export interface ViewSlice {
  view: {
    sample: number;
    bandView: BandView;
    hiddenTerms: string[];
    tourOpen: boolean;
    /** Samples shown in the 1-D preview. */
    previewCount: number;
  };
}

export type LabState = ConfigSlice &
  DataSlice &
  TeacherSlice &
  TrainingSlice &
  ResultsSlice &
  ViewSlice &
  EvaluationSlice &
  SweepSlice;
