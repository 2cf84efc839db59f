// trainTeacher in the worker: fills the arch's sizes from the data and targets (so the UI sends only
// what the user chose), checks that given sizes agree, trains with model/teacher's seeded trainer and
// returns the result as wire data (model.json + one weights shard).
import type { TeacherArchSpec, TrainTeacherCommand } from '../protocol/messages.ts';
import type { TeacherArch } from '../model/teacher/build.ts';
import { teacherToArtifacts } from '../model/teacher/artifacts.ts';
import { trainTeacher } from '../model/teacher/train.ts';
import type { EngineDeps, TrainedTeacherResult } from './types.ts';

type Hooks = Parameters<EngineDeps['trainTeacher']>[1];

function agree(field: string, given: number | undefined, fromData: number, what: string): number {
  if (given !== undefined && given !== fromData)
    throw new Error(`trainTeacher.arch.${field}: ${given} does not match the ${what} (${fromData})`);
  return fromData;
}

/** The model's TeacherArch for this command, every size filled in; throws naming a mismatch. */
export function resolveArch(
  cmd: Pick<TrainTeacherCommand, 'arch' | 'data' | 'y' | 'yShape' | 'task'>,
): TeacherArch {
  const a: TeacherArchSpec = cmd.arch;
  const [, d1, d2] = cmd.data.shape as [number, number, number?];
  let outputs: number;
  if (cmd.task === 'regression')
    outputs = agree('outputs', a.outputs, cmd.yShape[1] ?? 1, 'targets per sample');
  else {
    const classes = cmd.y.reduce((m, v) => Math.max(m, v), 0) + 1;
    outputs = a.outputs ?? Math.max(2, classes);
    if (classes > outputs)
      throw new Error(`trainTeacher.arch.outputs: ${outputs} classes, but y has class id ${classes - 1}`);
  }
  switch (a.kind) {
    case 'mlp1d':
    case 'cnn1d':
    case 'lstm':
      return { ...a, inputLength: agree('inputLength', a.inputLength, d1, 'signal length'), outputs };
    case 'cnn2d':
      return {
        ...a,
        height: agree('height', a.height, d1, 'image height'),
        width: agree('width', a.width, d2!, 'image width'),
        outputs,
      };
  }
}

export async function trainTeacherJob(cmd: TrainTeacherCommand, hooks: Hooks): Promise<TrainedTeacherResult> {
  const arch = resolveArch(cmd);
  const r = await trainTeacher({
    arch,
    seed: cmd.seed,
    x: cmd.data.x,
    y: cmd.y,
    task: cmd.task,
    epochs: cmd.epochs,
    batchSize: cmd.batchSize,
    learningRate: cmd.lr,
    validationSplit: cmd.validationSplit,
    patience: cmd.patience,
    onEpoch: (l) => hooks.onEpoch({ epoch: l.epoch, loss: l.trainLoss, valLoss: l.valLoss }),
    yieldEvery: hooks.yieldToEvents,
  });
  try {
    const art = teacherToArtifacts(r.teacher);
    return {
      artifacts: { modelJson: art.modelJson, weightData: [art.weightData] },
      metric: { name: r.heldOut.metric, value: r.heldOut.value },
      history: r.history.map((l) => ({ epoch: l.epoch, loss: l.trainLoss, valLoss: l.valLoss })),
      bestEpoch: r.bestEpoch,
      inputShape: cmd.data.shape.slice(1),
    };
  } finally {
    r.teacher.dispose();
  }
}
