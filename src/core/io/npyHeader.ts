// The shape and dtype an .npy file declares, read from its header alone (magic, version, header length,
// the Python dict literal) so an upload can be refused as too large before its data is allocated.
// npyjs has no header-only entry point; the full parse (npy.ts) still validates everything else.
import { ArrayParseError } from './types.ts';

export function npyDeclaredShape(bytes: Uint8Array): { shape: number[]; descr: string } {
  const F = 'npy';
  if (bytes.length < 10 || bytes[0] !== 0x93 || String.fromCharCode(...bytes.subarray(1, 6)) !== 'NUMPY')
    throw new ArrayParseError(F, 'not an .npy file (no \\x93NUMPY magic)');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [len, start] =
    major === 1 ? [view.getUint16(8, true), 10] : [bytes.length >= 12 ? view.getUint32(8, true) : 0, 12];
  const text = new TextDecoder('latin1').decode(bytes.subarray(start, Math.min(bytes.length, start + len)));
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text);
  if (!shape || !descr) throw new ArrayParseError(F, 'malformed header (no shape or descr)');
  const dims = shape[1]!
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d < 0))
    throw new ArrayParseError(F, `bad shape (${shape[1]})`);
  return { shape: dims, descr: descr[1]! };
}
