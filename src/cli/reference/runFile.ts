// Recompute one reference file: detect its kind, run the handler on every case, compare, and build
// the output document (same layout, expected fields replaced by ours).
import { dirname } from 'node:path';
import { CliError } from '../errors.ts';
import { readJsonFile } from '../files.ts';
import { compareField, relError } from './compare.ts';
import { REFERENCE_KINDS, type RefCase } from './registry.ts';

export interface FileReport {
  readonly kind: string;
  readonly cases: number;
  readonly worstAbs: number;
  readonly worstRel: number;
  readonly worstRms: number;
  /** "case 12 (db2 zero) coeffs" — where worstAbs happened. */
  readonly worstAt: string;
  readonly mismatches: string[];
  readonly output: unknown;
}

function casesOf(doc: unknown, file: string): { cases: RefCase[]; wrap: (cases: unknown[]) => unknown } {
  if (Array.isArray(doc)) return { cases: doc as RefCase[], wrap: (c) => c };
  if (typeof doc === 'object' && doc !== null && Array.isArray((doc as { cases?: unknown }).cases)) {
    return { cases: (doc as { cases: RefCase[] }).cases, wrap: (c) => ({ ...doc, cases: c }) };
  }
  throw new CliError(`awd reference: ${file}: expected a list of cases or an object with "cases"`);
}

function label(c: RefCase, i: number): string {
  const id =
    c.id ??
    [c.wavelet, c.mode, c.level !== undefined ? `L${String(c.level)}` : undefined].filter(Boolean).join(' ');
  return `case ${i}${id ? ` (${String(id)})` : ''}`;
}

export async function runReferenceFile(file: string): Promise<FileReport> {
  const { cases, wrap } = casesOf(readJsonFile(file), file);
  if (cases.length === 0) throw new CliError(`awd reference: ${file}: no cases`);
  if (!cases.every((c) => typeof c === 'object' && c !== null && !Array.isArray(c))) {
    throw new CliError(`awd reference: ${file}: every case must be an object`);
  }
  const kind = REFERENCE_KINDS.find((k) => k.detect(cases[0]!));
  if (!kind) {
    throw new CliError(
      `awd reference: ${file}: unrecognised case fields [${Object.keys(cases[0]!).join(', ')}] ` +
        `(known kinds: ${REFERENCE_KINDS.map((k) => k.kind).join(', ')})`,
    );
  }
  const bad = cases.findIndex((c) => !kind.detect(c));
  if (bad >= 0) throw new CliError(`awd reference: ${file}: case ${bad} is not a ${kind.kind} case`);
  const { handler } = await kind.load();
  const ctx = { file, dir: dirname(file) };
  let worstAbs = 0;
  let worstRel = 0;
  let worstRms = 0;
  let worstAt = '';
  const mismatches: string[] = [];
  const out: unknown[] = [];
  for (const [i, c] of cases.entries()) {
    let computed: Record<string, unknown>;
    try {
      computed = await handler.compute(c, ctx);
    } catch (e) {
      throw new CliError(
        `awd reference: ${file}: ${label(c, i)}: ${(e as Error).message}`,
        e instanceof CliError ? 2 : 1,
      );
    }
    for (const [field, got] of Object.entries(computed)) {
      if (!(field in c)) continue;
      const err = compareField(c[field], got);
      if (err.mismatch !== undefined) mismatches.push(`${label(c, i)} ${field}${err.mismatch}`);
      if (err.maxAbs > worstAbs || worstAt === '') {
        worstAbs = Math.max(worstAbs, err.maxAbs);
        worstAt = `${label(c, i)} ${field}`;
      }
      worstRel = Math.max(worstRel, relError(err));
      worstRms = Math.max(worstRms, err.rms);
    }
    out.push({ ...c, ...computed });
  }
  return {
    kind: kind.kind,
    cases: cases.length,
    worstAbs,
    worstRel,
    worstRms,
    worstAt,
    mismatches,
    output: wrap(out),
  };
}
