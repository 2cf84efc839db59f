// Speed shims for four tfjs-backend-wasm 4.22 kernels the AWD step leans on (measured in Node, wasm SIMD,
// one thread; the worker runs the same wasm):
//
// BatchMatMul goes to XNNPACK only when neither operand is transposed and both have batch size 1
// (batch_mat_mul_impl.cc); with transposeA/transposeB it runs a plain blocked loop:
// [3200,64]·[36,64]ᵀ took 6.8 ms there, 0.6 ms through XNNPACK. Every matMul gradient transposes
// (dA = dC·Bᵀ, dB = Aᵀ·dC) and so do the DWT's matrices: the 2-D step spent ~85% of its time in the
// loop. Here the operand is transposed explicitly (wasm Transpose) and the fast path is taken.
//
// GatherV2 walks every element with generic index arithmetic: 50 of 200 maps of 64×64 took 15 ms
// (the trainer gathers x and ∇f per mini-batch). Along axis 0 the rows are contiguous, so here they
// are copied row by row.
//
// Identity (every tensor a gradient saves is cloned through it) copies the data; see sharedIdentity.
// Slice of a contiguous block (one sample of x for a display snapshot) is slow too; see fastSlice.
//
// CPU time of the 2-D benchmark step (bench/workload.ts) in Node: 225 ms → 63 ms; 1-D 10 → 7 ms.
//
// Gradients are registered on kernel NAMES, not implementations, so first and second derivatives are
// unchanged; matMul values differ only by float summation order, gathers are exact. The transforms
// apply this when they bind (src/model may not import backend packages, and the wasm kernels only
// exist once src/worker/backends.ts has imported them); it is a no-op on other backends.
import * as tf from '@tensorflow/tfjs-core';

const MARK = '__awdFastWasm';
type Marked = tf.KernelConfig & { [MARK]?: true };
/** The parts of tfjs-backend-wasm's BackendWasm used here. */
interface WasmBackend extends tf.KernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

const batchOf = (shape: readonly number[]): number => shape.slice(0, -2).reduce((p, d) => p * d, 1);

function fastMatMul(orig: tf.KernelConfig, transpose: tf.KernelConfig): tf.KernelFunc {
  const swapLast = (x: tf.TensorInfo, backend: tf.KernelBackend): tf.TensorInfo => {
    const perm = x.shape.map((_, i) => i);
    const r = perm.length;
    [perm[r - 2], perm[r - 1]] = [r - 1, r - 2];
    const inputs = { x } as unknown as tf.NamedTensorInfoMap;
    return transpose.kernelFunc({ inputs, backend, attrs: { perm } }) as tf.TensorInfo;
  };
  return (args) => {
    const { a, b } = args.inputs as unknown as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    // Batched products take the loop whatever the flags, so transposing them would only add work.
    if ((!transposeA && !transposeB) || batchOf(a.shape) !== 1 || batchOf(b.shape) !== 1)
      return orig.kernelFunc(args);
    const backend = args.backend as tf.KernelBackend;
    const ta = transposeA ? swapLast(a, backend) : a;
    const tb = transposeB ? swapLast(b, backend) : b;
    try {
      return orig.kernelFunc({
        ...args,
        inputs: { a: ta, b: tb } as unknown as tf.NamedTensorInfoMap,
        attrs: { ...args.attrs, transposeA: false, transposeB: false },
      });
    } finally {
      if (ta !== a) backend.disposeData(ta.dataId);
      if (tb !== b) backend.disposeData(tb.dataId);
    }
  };
}

function fastGather(orig: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { x, indices } = args.inputs as unknown as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as { axis: number; batchDims: number };
    const ax = axis < 0 ? axis + x.shape.length : axis;
    if (ax !== 0 || batchDims !== 0 || (x.dtype !== 'float32' && x.dtype !== 'int32'))
      return orig.kernelFunc(args);
    const backend = args.backend as WasmBackend;
    const idx = backend.readSync(indices.dataId) as ArrayLike<number>;
    const rows = x.shape[0]!;
    const row = x.shape.slice(1).reduce((p, d) => p * d, 1);
    for (let i = 0; i < idx.length; i++)
      if (!(idx[i]! >= 0 && idx[i]! < rows))
        throw new Error(`GatherV2: the index value ${idx[i]} is not in [0, ${rows - 1}]`);
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
    if (row === 0 || idx.length === 0) return out;
    // Views on the wasm heap, taken after makeOutput (allocating can grow, i.e. replace, the heap).
    const src = backend.typedArrayFromHeap(x);
    const dst = backend.typedArrayFromHeap(out);
    for (let i = 0; i < idx.length; i++) dst.set(src.subarray(idx[i]! * row, (idx[i]! + 1) * row), i * row);
    return out;
  };
}

/**
 * Slice copies element by element with generic index arithmetic: one 64×64 map out of 200 took 13 ms
 * (the trainer slices x and ∇f for every display snapshot, twice per ~100 ms). A slice that is one
 * contiguous block of the row-major input (size 1 on the leading axes, then one partial axis, then
 * whole axes) is copied in one go here.
 */
function fastSlice(orig: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as unknown as { x: tf.TensorInfo };
    const a = args.attrs as { begin: number | number[]; size: number | number[] };
    if (x.dtype === 'string' || x.dtype === 'complex64') return orig.kernelFunc(args);
    const [begin, size] = tf.slice_util.parseSliceParams(x as tf.TensorInfo as tf.Tensor, a.begin, a.size);
    const shape = x.shape;
    let last = shape.length - 1;
    while (last >= 0 && size[last] === shape[last]) last--;
    for (let i = 0; i < last; i++) if (size[i] !== 1) return orig.kernelFunc(args);
    const backend = args.backend as WasmBackend;
    const out = backend.makeOutput(size, x.dtype);
    let offset = 0;
    let stride = 1;
    for (let i = shape.length - 1; i >= 0; i--) {
      offset += begin[i]! * stride;
      stride *= shape[i]!;
    }
    const n = size.reduce((p, d) => p * d, 1);
    if (n > 0)
      backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(x).subarray(offset, offset + n));
    return out;
  };
}

/** tfjs clones every tensor a gradient saves (engine.saveTensorsForBackwardMode); wasm's Identity
 * copies the data (~490 copies per 2-D step), cpu's and webgl's share it. Tensors are immutable and
 * no wasm kernel writes into its inputs (Reshape already shares), so share it here too. */
function sharedIdentity(orig: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as unknown as { x: tf.TensorInfo };
    if (x.dtype === 'string') return orig.kernelFunc(args);
    (args.backend as tf.KernelBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

function wrap(name: string, make: (orig: tf.KernelConfig) => tf.KernelFunc | null): void {
  const orig = tf.getKernel(name, 'wasm') as Marked | undefined;
  if (!orig || orig[MARK]) return;
  const kernelFunc = make(orig);
  if (!kernelFunc) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...orig, kernelFunc, [MARK]: true } as Marked);
}

/** Installs the shims (once) when wasm is the active backend; a no-op elsewhere. */
export function ensureFastWasmKernels(): void {
  if (tf.getBackend() !== 'wasm') return;
  wrap('BatchMatMul', (orig) => {
    const transpose = tf.getKernel('Transpose', 'wasm');
    return transpose ? fastMatMul(orig, transpose) : null;
  });
  wrap('GatherV2', fastGather);
  wrap('Identity', sharedIdentity);
  wrap('Slice', fastSlice);
}
