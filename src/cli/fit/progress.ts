// The progress line of `awd fit` on a terminal: one stderr line redrawn in place (\r + erase), at most
// every `everyMs` (tfjs-layers' yieldEvery idea: drawing is not free), always at an epoch's end.
// Off (a no-op) when stderr is not a terminal, so logs and pipes get no control characters.

export interface ProgressSink {
  /** One teacher-training epoch finished. */
  teacherEpoch(epoch: number, maxEpochs: number, trainLoss: number, valLoss: number): void;
  /** One AWD step finished. */
  step(s: StepInfo): void;
  /** Ends the line (before any other stderr output). */
  end(): void;
}

export interface StepInfo {
  /** Counts from 1 over the whole run. */
  step: number;
  totalSteps: number;
  epoch: number;
  epochs: number;
  loss: number;
  /** Seconds since the first step started. */
  elapsedS: number;
  /** The epoch's last step: always drawn. */
  endOfEpoch: boolean;
}

export const NO_PROGRESS: ProgressSink = { teacherEpoch() {}, step() {}, end() {} };

const fmtNum = (v: number) =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3
      ? v.toExponential(3)
      : v.toPrecision(5);

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function bar(fraction: number, width = 24): string {
  const f = Math.min(1, Math.max(0, fraction));
  const full = Math.round(f * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/** The AWD step line: epoch, step, bar, percent, loss, steps/s, ETA. */
export function stepLine({ step, totalSteps, epoch, epochs, loss, elapsedS }: StepInfo): string {
  const rate = elapsedS > 0 ? step / elapsedS : NaN;
  const eta = rate > 0 ? (totalSteps - step) / rate : NaN;
  const pct = `${Math.floor((100 * step) / totalSteps)}%`.padStart(4);
  return (
    `epoch ${epoch}/${epochs} step ${step}/${totalSteps} ${bar(step / totalSteps)} ${pct} ` +
    `loss ${fmtNum(loss)} ${Number.isFinite(rate) ? rate.toFixed(1) : '-'} steps/s ETA ${formatDuration(eta)}`
  );
}

export function teacherLine(epoch: number, maxEpochs: number, trainLoss: number, valLoss: number): string {
  return (
    `teacher epoch ${epoch}/${maxEpochs} ${bar(epoch / maxEpochs)} ` +
    `train_loss ${fmtNum(trainLoss)} val_loss ${fmtNum(valLoss)}`
  );
}

/** A sink drawing on `write` (stderr). `now` in ms, injectable for tests. */
export function terminalProgress(
  write: (s: string) => void,
  now: () => number = () => performance.now(),
  everyMs = 100,
): ProgressSink {
  let last = -Infinity;
  let drawn = false;
  const draw = (line: string, force: boolean) => {
    const t = now();
    if (!force && t - last < everyMs) return;
    last = t;
    drawn = true;
    write(`\r${line}\x1b[K`);
  };
  return {
    teacherEpoch(epoch, maxEpochs, trainLoss, valLoss) {
      draw(teacherLine(epoch, maxEpochs, trainLoss, valLoss), false);
    },
    step(s) {
      draw(stepLine(s), s.endOfEpoch);
    },
    end() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}
