// Does a built teacher fit the run? Its input must hold one signal, `target` must be one of its
// outputs, and a γ > 0 run needs second derivatives: a teacher the probe failed stops the run with
// the probe's reason, unless "allow_gamma_zero" says to run without the γ term (then the trainer gets
// no teacher: awave without a pretrained model, l1attr = 0).
import type { Teacher } from '../../model/teacher/types.ts';
import { CliError } from '../errors.ts';
import type { FitSpec } from './spec.ts';

export interface TeacherVerdict {
  /** For the trainer (null when γ had to be forced to 0). */
  readonly teacher: Teacher | null;
  readonly gamma: number;
  readonly info: Record<string, unknown>;
  readonly warnings: string[];
}

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
/** Shapes equal up to size-1 axes ([64] vs [64, 1]). */
const squeeze = (s: readonly number[]) => s.filter((d) => d !== 1).join(',');

export function checkTeacher(
  spec: Pick<FitSpec, 'awd' | 'allowGammaZero'>,
  teacher: Teacher,
  label: string,
  signalShape: readonly number[],
): TeacherVerdict {
  const sig = signalShape.join(', ');
  const input = teacher.inputShape.join(', ');
  if (size(teacher.inputShape) !== size(signalShape))
    throw new CliError(
      `awd fit: ${label}: input [${input}] does not fit "data.x"'s signals of shape [${sig}]`,
    );
  const warnings: string[] = [];
  if (squeeze(teacher.inputShape) !== squeeze(signalShape))
    warnings.push(`the teacher's input [${input}] takes each signal [${sig}] reshaped`);
  const { target, gamma } = spec.awd;
  const n = teacher.outputSize;
  if (target >= n)
    throw new CliError(
      `awd fit: "target": ${target} is not an output of the teacher (${n} output${n > 1 ? 's' : ''})`,
    );
  const compat = teacher.compatibility;
  const info = {
    kind: teacher.kind,
    input_shape: [...teacher.inputShape],
    output_size: n,
    compat: { ok: compat.ok, problems: [...compat.problems] },
  };
  if (compat.ok) return { teacher, gamma, info: { ...info, gamma_forced_zero: false }, warnings };
  const why = compat.problems.join('; ');
  if (gamma > 0 && !spec.allowGammaZero)
    throw new CliError(
      `awd fit: ${label} cannot be differentiated twice, which the attribution term (gamma = ${gamma}) ` +
        `needs: ${why}. Set "gamma": 0, or "allow_gamma_zero": true to run without that term`,
    );
  if (gamma > 0) warnings.push(`gamma forced to 0: the teacher cannot be differentiated twice (${why})`);
  return { teacher: null, gamma: 0, info: { ...info, gamma_forced_zero: gamma > 0 }, warnings };
}
