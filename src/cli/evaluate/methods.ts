// Which evaluation methods run (tf-free, so the command can check them before the engine loads).
import { CliError } from '../errors.ts';
import { METHODS_1D_ALL, METHODS_2D_ALL } from './evalSpec.ts';

/** The methods to run: the requested ones (checked against the data) or all of its dimension. */
export function methodsFor(
  cmd: string,
  dims: 1 | 2,
  requested: readonly string[] | null,
  hasTeacher: boolean,
  hasLabels: boolean,
): string[] {
  const all: readonly string[] = dims === 1 ? METHODS_1D_ALL : METHODS_2D_ALL;
  if (requested === null)
    return all
      .filter((m) => m !== 'teacher' || hasTeacher)
      .filter((m) => m !== 'top_attr_linear' || hasTeacher);
  for (const m of requested) {
    if (!all.includes(m))
      throw new CliError(
        `awd ${cmd}: "methods": ${m} is a ${dims === 1 ? '2-D' : '1-D'} method; the data is ${dims}-D (${all.join(', ')})`,
      );
    if ((m === 'teacher' || m === 'top_attr_linear') && !hasTeacher)
      throw new CliError(`awd ${cmd}: "methods": ${m} needs a "teacher"`);
  }
  if (dims === 2 && !hasLabels)
    throw new CliError(
      `awd ${cmd}: peak counting needs class labels per map ("data.labels", or the mass-maps built-in)`,
    );
  return [...requested];
}
