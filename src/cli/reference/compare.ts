// Element-wise comparison of a recomputed field with the file's, over nested arrays/objects.

export interface FieldError {
  /** max |got − want| over the field's numbers (Infinity when the shapes differ). */
  readonly maxAbs: number;
  /** max |want|: the scale for the normwise relative error. */
  readonly maxRef: number;
  /** √(mean (got − want)²), MATLAB-style. */
  readonly rms: number;
  /** Why the shapes differ, when they do. */
  readonly mismatch?: string;
}

interface Acc {
  maxAbs: number;
  maxRef: number;
  sumSq: number;
  n: number;
  mismatch?: string;
}

function walk(want: unknown, got: unknown, path: string, acc: Acc): void {
  if (acc.mismatch !== undefined) return;
  if (typeof want === 'number') {
    if (typeof got !== 'number') {
      acc.mismatch = `${path || 'value'}: expected a number`;
      return;
    }
    const d = Math.abs(got - want);
    acc.maxAbs = Math.max(acc.maxAbs, Number.isNaN(d) ? Infinity : d);
    acc.maxRef = Math.max(acc.maxRef, Math.abs(want));
    acc.sumSq += d * d;
    acc.n += 1;
    return;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      acc.mismatch = `${path || 'value'}: length ${Array.isArray(got) ? got.length : typeof got}, expected ${want.length}`;
      return;
    }
    want.forEach((w, i) => walk(w, got[i], `${path}[${i}]`, acc));
    return;
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null) {
      acc.mismatch = `${path || 'value'}: expected an object`;
      return;
    }
    for (const [k, w] of Object.entries(want))
      walk(w, (got as Record<string, unknown>)[k], `${path}.${k}`, acc);
    return;
  }
  if (want !== got) acc.mismatch = `${path || 'value'}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`;
}

export function compareField(want: unknown, got: unknown): FieldError {
  const acc: Acc = { maxAbs: 0, maxRef: 0, sumSq: 0, n: 0 };
  walk(want, got, '', acc);
  if (acc.mismatch !== undefined)
    return { maxAbs: Infinity, maxRef: acc.maxRef, rms: Infinity, mismatch: acc.mismatch };
  return { maxAbs: acc.maxAbs, maxRef: acc.maxRef, rms: acc.n ? Math.sqrt(acc.sumSq / acc.n) : 0 };
}

/** Normwise relative error of one field: max|Δ| / max|want| (0/0 = 0). */
export function relError(e: FieldError): number {
  if (e.maxAbs === 0) return 0;
  return e.maxRef > 0 ? e.maxAbs / e.maxRef : Infinity;
}
