// What the lab can train on, checked before anything replaces the current dataset. Each failure is one
// specific line for the page (the file, the sizes, the limit), never a stack trace.

/** About 256 MB of float32 inputs: beyond this a browser tab risks running out of memory. */
export const MAX_VALUES = 64 * 1024 * 1024;
/** A single file larger than this is refused before it is read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

export function checkFileSize(name: string, bytes: number): void {
  if (bytes === 0) throw new UploadError(`${name}: the file is empty`);
  if (bytes > MAX_FILE_BYTES)
    throw new UploadError(
      `${name}: too large for memory (${(bytes / 2 ** 20).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`,
    );
}

export function checkValues(name: string, shape: readonly number[]): void {
  const values = shape.reduce((a, b) => a * b, 1);
  if (values > MAX_VALUES)
    throw new UploadError(
      `${name}: too large for memory (${shape.join('×')} = ${values.toLocaleString('en')} values; the limit is ${MAX_VALUES.toLocaleString('en')})`,
    );
}

/** Shape [N, L] or [N, H, W]: enough samples, samples long enough for J levels, not too many values. */
export function checkShape(name: string, shape: readonly number[], level: number): void {
  const [n = 0, ...sample] = shape;
  checkValues(name, shape);
  const side = Math.min(...sample);
  if (side < 2 ** level)
    throw new UploadError(
      `${name}: too small for J = ${level}: a sample is ${sample.join('×')}, and ${level} levels need at least ${2 ** level} per side (lower J or use longer ${sample.length === 2 ? 'maps' : 'series'})`,
    );
  if (n < 3)
    throw new UploadError(
      `${name}: ${n} sample${n === 1 ? '' : 's'}; the train/validation/test split needs at least 3`,
    );
}

/** Labels as targets: all numbers → regression; otherwise class names, ids in sorted-name order. */
export function labelsToTargets(labels: readonly string[]): {
  y: Float32Array;
  task: 'regression' | 'classification';
  classes: string[];
} {
  const nums = labels.map(Number);
  if (nums.every((v, i) => Number.isFinite(v) && labels[i]!.trim() !== '')) {
    const distinct = new Set(nums);
    // Integer labels with few values are classes (0/1, digits); anything else is a continuous target.
    const classLike =
      distinct.size <= 10 && nums.every(Number.isInteger) && distinct.size < labels.length / 2;
    if (!classLike) return { y: Float32Array.from(nums), task: 'regression', classes: [] };
  }
  const classes = [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const id = new Map(classes.map((c, i) => [c, i]));
  return { y: Float32Array.from(labels, (l) => id.get(l)!), task: 'classification', classes };
}
