// Display decimation: plots never need more points than pixels, and every snapshot crosses a thread
// boundary ~10 times a second, so arrays are thinned (by striding, which keeps shapes rectangular).

/** At most `max` evenly spaced samples of `a` (first and last kept), as float32. */
export function decimate1d(a: ArrayLike<number>, max: number): Float32Array {
  const n = a.length;
  if (n <= max) return Float32Array.from(a as ArrayLike<number>);
  const out = new Float32Array(max);
  for (let i = 0; i < max; i++) out[i] = a[Math.round((i * (n - 1)) / (max - 1))]!;
  return out;
}

/** Every s-th row and column of a rows×cols row-major map (starting at `offset`), with s chosen so both sides are ≤ maxSide. */
export function decimate2d(
  a: ArrayLike<number>,
  rows: number,
  cols: number,
  maxSide: number,
  offset = 0,
): { data: Float32Array; shape: [number, number] } {
  const s = Math.max(1, Math.ceil(Math.max(rows, cols) / maxSide));
  const r = Math.ceil(rows / s);
  const c = Math.ceil(cols / s);
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[i * c + j] = a[offset + i * s * cols + j * s]!;
  return { data: out, shape: [r, c] };
}

/** Decimates a band of shape [L], [H, W] or [k, H, W] (a stack of maps, e.g. 2-D cH/cV/cD). */
export function decimateBand(
  a: ArrayLike<number>,
  shape: readonly number[],
  max1d: number,
  maxSide2d: number,
): { data: Float32Array; shape: number[] } {
  if (shape.length === 2) return decimate2d(a, shape[0]!, shape[1]!, maxSide2d);
  if (shape.length === 3) {
    const [k, h, w] = shape as [number, number, number];
    const planes = Array.from({ length: k }, (_, i) => decimate2d(a, h, w, maxSide2d, i * h * w));
    const [r, c] = planes[0]?.shape ?? [0, 0];
    const data = new Float32Array(k * r * c);
    planes.forEach((p, i) => data.set(p.data, i * r * c));
    return { data, shape: [k, r, c] };
  }
  const data = decimate1d(a, max1d);
  return { data, shape: [data.length] };
}
