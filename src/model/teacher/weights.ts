// Decodes a tfjs weightsManifest + its concatenated binary shards into named float32 arrays.
// Handles float32/int32 data and the converter's affine quantization (uint8/uint16: q·scale + min)
// and float16 quantization.

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}
export interface ManifestGroup {
  paths: string[];
  weights: WeightEntry[];
}
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

export function concatBuffers(data: ArrayBuffer | ArrayBuffer[]): ArrayBuffer {
  if (!Array.isArray(data)) return data;
  const total = data.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, uint16: 2, float16: 2, bool: 1 };

/** IEEE half → float (tfjs' float16 quantization stores raw halves). */
function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

function decodeOne(
  w: WeightEntry,
  buf: ArrayBuffer,
  offset: number,
): { values: Float32Array; bytes: number } {
  const n = w.shape.reduce((p, d) => p * d, 1);
  const q = w.quantization;
  const dtype = q ? q.dtype : w.dtype;
  const size = BYTES[dtype];
  if (size === undefined)
    throw new Error(`loadTeacherFromArtifacts: weight '${w.name}' has unsupported dtype '${dtype}'`);
  const bytes = n * size;
  if (offset + bytes > buf.byteLength)
    throw new Error(
      `loadTeacherFromArtifacts: weight data too short for '${w.name}' (needs bytes ${offset}..${offset + bytes}, have ${buf.byteLength})`,
    );
  // slice() copies, so alignment of the typed views below never matters.
  const raw = buf.slice(offset, offset + bytes);
  const values = new Float32Array(n);
  if (q && dtype !== 'float16') {
    const src = dtype === 'uint8' ? new Uint8Array(raw) : new Uint16Array(raw);
    const scale = q.scale ?? 1;
    const min = q.min ?? 0;
    for (let i = 0; i < n; i++) values[i] = src[i]! * scale + min;
  } else if (dtype === 'float16') {
    const src = new Uint16Array(raw);
    for (let i = 0; i < n; i++) values[i] = halfToFloat(src[i]!);
  } else if (dtype === 'float32') {
    values.set(new Float32Array(raw));
  } else if (dtype === 'int32') {
    values.set(new Int32Array(raw));
  } else {
    values.set(new Uint8Array(raw));
  }
  return { values, bytes };
}

/** All weights in manifest order (the order of their bytes in the concatenated shards). */
export function decodeWeights(manifest: ManifestGroup[], data: ArrayBuffer | ArrayBuffer[]): NamedWeight[] {
  const buf = concatBuffers(data);
  const out: NamedWeight[] = [];
  let offset = 0;
  for (const group of manifest) {
    for (const w of group.weights) {
      const { values, bytes } = decodeOne(w, buf, offset);
      out.push({ name: w.name, shape: [...w.shape], values });
      offset += bytes;
    }
  }
  if (offset !== buf.byteLength)
    throw new Error(
      `loadTeacherFromArtifacts: weightsManifest describes ${offset} bytes but the weight data has ${buf.byteLength}`,
    );
  return out;
}

/** Encodes float32 weights as one shard (what teacherToArtifacts writes). */
export function encodeWeights(weights: NamedWeight[]): { specs: WeightEntry[]; data: ArrayBuffer } {
  const total = weights.reduce((n, w) => n + w.values.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const w of weights) {
    all.set(w.values, at);
    at += w.values.length;
  }
  return {
    specs: weights.map((w) => ({ name: w.name, shape: [...w.shape], dtype: 'float32' })),
    data: all.buffer,
  };
}
