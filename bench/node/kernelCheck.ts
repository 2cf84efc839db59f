// Guards the wasm kernel shims (src/model/transform/wasmKernels.ts) on the active backend: matMul in
// every transpose combination, 2-D and batched, against a float64 product in JS; gather along axis 0
// (and 1, the untouched path) and contiguous (and strided) slices against plain indexing. Run by
// bench/node/train.ts.
import type * as TF from '@tensorflow/tfjs-core';

function naive(a: Float32Array, b: Float32Array, [m, k, n]: number[], ta: boolean, tb: boolean) {
  const out = new Float64Array(m! * n!);
  for (let i = 0; i < m!; i++)
    for (let j = 0; j < n!; j++) {
      let s = 0;
      for (let p = 0; p < k!; p++) s += a[ta ? p * m! + i : i * k! + p]! * b[tb ? j * k! + p : p * n! + j]!;
      out[i * n! + j] = s;
    }
  return out;
}

function checkGather(tf: typeof TF): string | null {
  const [r, c, d] = [9, 5, 3];
  const x = Float32Array.from({ length: r * c * d }, (_, i) => i * 0.5 - 7);
  for (const axis of [0, 1]) {
    const idx = axis === 0 ? [4, 0, 8, 4, 2] : [4, 0, 2, 2];
    const got = tf.tidy(() => tf.gather(tf.tensor3d(x, [r, c, d]), tf.tensor1d(idx, 'int32'), axis));
    const v = got.dataSync();
    got.dispose();
    let k = 0;
    const shape = axis === 0 ? [idx.length, c, d] : [r, idx.length, d];
    for (let i = 0; i < shape[0]!; i++)
      for (let j = 0; j < shape[1]!; j++)
        for (let l = 0; l < d; l++, k++) {
          const [ii, jj] = axis === 0 ? [idx[i]!, j] : [i, idx[j]!];
          if (v[k] !== x[(ii * c + jj) * d + l]) return `gather(axis ${axis}) differs at ${k}: ${v[k]}`;
        }
  }
  return null;
}

function checkSlice(tf: typeof TF): string | null {
  const shape = [4, 5, 6];
  const x = Float32Array.from({ length: 120 }, (_, i) => i * 0.25 - 3);
  // Contiguous (the fast path) and strided (the kernel's own) slices, with -1 sizes.
  const cases: [number[], number[]][] = [
    [
      [2, 0, 0],
      [1, 5, 6],
    ],
    [
      [1, 0, 0],
      [2, -1, -1],
    ],
    [
      [3, 2, 0],
      [1, 3, 6],
    ],
    [
      [1, 4, 2],
      [1, 1, 3],
    ],
    [
      [0, 1, 2],
      [4, 2, 3],
    ],
    [
      [1, 1, 0],
      [2, 2, 6],
    ],
  ];
  for (const [begin, size] of cases) {
    const got = tf.tidy(() => tf.slice(tf.tensor3d(x, shape as [number, number, number]), begin, size));
    const v = got.dataSync();
    const sz = size.map((d, i) => (d < 0 ? shape[i]! - begin[i]! : d));
    got.dispose();
    let k = 0;
    for (let i = 0; i < sz[0]!; i++)
      for (let j = 0; j < sz[1]!; j++)
        for (let l = 0; l < sz[2]!; l++, k++)
          if (v[k] !== x[((begin[0]! + i) * 5 + begin[1]! + j) * 6 + begin[2]! + l])
            return `slice(begin [${begin}], size [${size}]) differs at ${k}: ${v[k]}`;
  }
  return null;
}

/** Null when every product matches to 1e-4 (relative to the largest entry) and gathers are exact. */
export function checkKernels(tf: typeof TF): string | null {
  const g = checkGather(tf) ?? checkSlice(tf);
  if (g) return g;
  const [m, k, n] = [37, 70, 23];
  let s = 7;
  const rnd = (len: number) =>
    Float32Array.from(
      { length: len },
      () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5,
    );
  for (const ta of [false, true])
    for (const tb of [false, true])
      for (const batch of [1, 2]) {
        const a = rnd(batch * m * k);
        const b = rnd(batch * k * n);
        const got = tf.tidy(() => {
          const A = tf.tensor(a, batch === 1 ? (ta ? [k, m] : [m, k]) : [batch, ...(ta ? [k, m] : [m, k])]);
          const B = tf.tensor(b, batch === 1 ? (tb ? [n, k] : [k, n]) : [batch, ...(tb ? [n, k] : [k, n])]);
          return tf.matMul(A, B, ta, tb);
        });
        const v = got.dataSync();
        got.dispose();
        for (let q = 0; q < batch; q++) {
          const ref = naive(a.subarray(q * m * k), b.subarray(q * k * n), [m, k, n], ta, tb);
          const scale = Math.max(...ref.map(Math.abs));
          for (let i = 0; i < ref.length; i++)
            if (Math.abs(v[q * m * n + i]! - ref[i]!) > 1e-4 * scale)
              return `matMul(transposeA=${ta}, transposeB=${tb}, batch ${batch}) differs at ${i}: ${v[q * m * n + i]} vs ${ref[i]}`;
        }
      }
  return null;
}
