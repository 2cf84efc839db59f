// Peak finding on 2-D maps as awave's peak counting does it (notebooks/cosmology/peak_counting.py,
// PeakCount.find_peaks): a pixel is a peak when it is STRICTLY greater than all 8 neighbours.
// Border pixels have no full neighbourhood and are never peaks; plateaus (equal neighbours) are not
// peaks either.
import { apiError } from '../validate.ts';

/**
 * findPeaks(map, rows, cols): flat row-major indices (into the rows×cols map) of the strict
 * 8-neighbour maxima, borders excluded, in ascending order.
 */
export function findPeaks(map: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (map.length !== rows * cols)
    throw apiError('findPeaks', `map must hold rows·cols = ${rows * cols} values, got ${map.length}`);
  const out: number[] = [];
  for (let r = 1; r < rows - 1; r++) {
    for (let c = 1; c < cols - 1; c++) {
      const i = r * cols + c;
      const v = map[i];
      if (
        v > map[i - cols - 1] &&
        v > map[i - cols] &&
        v > map[i - cols + 1] &&
        v > map[i - 1] &&
        v > map[i + 1] &&
        v > map[i + cols - 1] &&
        v > map[i + cols] &&
        v > map[i + cols + 1]
      )
        out.push(i);
    }
  }
  return Int32Array.from(out);
}

/** valuesAt(map, idx): map[idx[k]] for every k (the filtered map read at the peaks). */
export function valuesAt(map: ArrayLike<number>, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = map[idx[k]];
  return out;
}
