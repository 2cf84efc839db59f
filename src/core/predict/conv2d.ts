// Same-size 2-D cross-correlation (what torch's F.conv2d computes: the kernel is NOT flipped).
// out[r][c] = Σ_{i,j} k[i][j] · x[r − ar + i][c − ac + j], anchor (ar, ac) = (⌊(kr−1)/2⌋, ⌊(kc−1)/2⌋):
// the kernel's centre (upper-left of the centre for even sizes) sits on (r, c).
// For a 3×3 kernel and any interior pixel this equals awave's unpadded F.conv2d(ims, kernel) at
// (r−1, c−1), which is where awave reads it at peaks (peaks are interior), so no boundary rule is
// involved there. Larger (full-filter) kernels reach past the border near the edges; then
//   'zero'     — outside pixels count as 0 (default; torch's zero padding),
//   'periodic' — indices wrap (the generated mass maps are periodic, so this is their natural rule).
import type { Array2D } from '../types.ts';
import { apiError } from '../validate.ts';

export type Boundary = 'zero' | 'periodic';

/**
 * correlate2d(x, rows, cols, kernel, boundary): the same-size rows×cols correlation of the row-major
 * map `x` with `kernel` (rows × cols of the kernel in Array2D), boundary as above.
 */
export function correlate2d(
  x: ArrayLike<number>,
  rows: number,
  cols: number,
  kernel: Array2D,
  boundary: Boundary = 'zero',
): Float64Array {
  if (x.length !== rows * cols)
    throw apiError('correlate2d', `x must hold rows·cols = ${rows * cols} values, got ${x.length}`);
  const { rows: kr, cols: kc, data: k } = kernel;
  const ar = Math.floor((kr - 1) / 2);
  const ac = Math.floor((kc - 1) / 2);
  const out = new Float64Array(rows * cols);
  const periodic = boundary === 'periodic';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let i = 0; i < kr; i++) {
        let rr = r - ar + i;
        if (rr < 0 || rr >= rows) {
          if (!periodic) continue;
          rr = ((rr % rows) + rows) % rows;
        }
        const rowOff = rr * cols;
        for (let j = 0; j < kc; j++) {
          let cc = c - ac + j;
          if (cc < 0 || cc >= cols) {
            if (!periodic) continue;
            cc = ((cc % cols) + cols) % cols;
          }
          s += k[i * kc + j] * x[rowOff + cc];
        }
      }
      out[r * cols + c] = s;
    }
  }
  return out;
}

/**
 * robertsCross(x, rows, cols): awave's roberts_cross statistic, same size. At an interior pixel it is
 * the sum, over the four 2×2 blocks that contain the pixel, of the Roberts gradient magnitude
 * √((b01 − b10)² + (b00 − b11)²) (Rx = [[0,1],[−1,0]], Ry = [[1,0],[0,−1]]); border pixels are 0
 * (awave's output is (H−2)×(W−2), and peaks are never on the border).
 */
export function robertsCross(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const mag = (r: number, c: number): number => {
    const b00 = x[r * cols + c];
    const b01 = x[r * cols + c + 1];
    const b10 = x[(r + 1) * cols + c];
    const b11 = x[(r + 1) * cols + c + 1];
    return Math.hypot(b01 - b10, b00 - b11);
  };
  for (let r = 1; r < rows - 1; r++)
    for (let c = 1; c < cols - 1; c++)
      out[r * cols + c] = mag(r - 1, c - 1) + mag(r - 1, c) + mag(r, c - 1) + mag(r, c);
  return out;
}
