// One entry for "a user's file": pick the parser by extension, falling back on the content
// (NumPy magic, a leading '[' for JSON, otherwise delimited text).
import { parseDelimited } from './delimited.ts';
import { parseJsonArray } from './json.ts';
import { parseNpy } from './npy.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

export type ArrayFormat = 'csv' | 'tsv' | 'txt' | 'npy' | 'json';

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

function bytesOf(content: ArrayBuffer | Uint8Array | string): Uint8Array | null {
  if (typeof content === 'string') return null;
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** The format a file name or its first bytes imply. */
export function detectFormat(name: string, content: ArrayBuffer | Uint8Array | string): ArrayFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === 'npy' || ext === 'json') return ext;
  const bytes = bytesOf(content);
  if (bytes && NPY_MAGIC.every((b, i) => bytes[i] === b)) return 'npy';
  const text = typeof content === 'string' ? content : new TextDecoder().decode(bytes!.subarray(0, 64));
  return /^\s*\[/.test(text) ? 'json' : 'csv';
}

/** Parse a CSV/TSV/TXT, NPY or JSON file's content (bytes or text) into a float64 array. */
export function parseArrayFile(
  name: string,
  content: ArrayBuffer | Uint8Array | string,
  format?: ArrayFormat,
): ParsedArray {
  const fmt = format ?? detectFormat(name, content);
  if (fmt === 'npy') {
    const bytes = bytesOf(content);
    if (!bytes) throw new ArrayParseError('npy', 'needs the raw bytes of the file, got text');
    return parseNpy(bytes);
  }
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(bytesOf(content)!);
  if (fmt === 'json') return parseJsonArray(text);
  if (fmt === 'tsv') return parseDelimited(text, { delimiter: '\t', format: 'tsv' });
  return parseDelimited(text, { format: fmt });
}
