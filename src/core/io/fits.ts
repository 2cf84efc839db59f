// FITS images → ParsedArray. fitsjs parses the header cards (keywords, quoting, the mandatory-keyword
// checks); its own data reader is not used because it decodes in a Blob-URL worker (which the lab's
// Content-Security-Policy forbids), lacks BITPIX 64/−64, and needs a DOM File. The data unit here is
// read with a big-endian DataView, scaled by BZERO/BSCALE as the standard says.
import fitsjs from 'fitsjs';
import { assertFinite, assertNotEmpty } from './finite.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

const F = 'fits';
const BLOCK = 2880;
const CARD = 80;

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** The header starting at `offset`: its text and the offset of its data unit (after the END card's block). */
function readHeader(bytes: Uint8Array, offset: number): { text: string; dataStart: number } {
  for (let b = offset; b + BLOCK <= bytes.length; b += BLOCK) {
    for (let c = b; c < b + BLOCK; c += CARD) {
      if (
        bytes[c] === 0x45 &&
        bytes[c + 1] === 0x4e &&
        bytes[c + 2] === 0x44 &&
        (bytes[c + 3] === 0x20 || c + 3 === b + BLOCK)
      ) {
        return { text: latin1(bytes.subarray(offset, c + CARD)), dataStart: b + BLOCK };
      }
    }
  }
  throw new ArrayParseError(
    F,
    offset === 0 ? 'no END card: not a FITS file, or truncated header' : `truncated header at byte ${offset}`,
  );
}

const num = (v: unknown, dflt: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

function decode(view: DataView, bitpix: number, count: number, bzero: number, bscale: number): Float64Array {
  const out = new Float64Array(count);
  const size = Math.abs(bitpix) / 8;
  if (view.byteLength < count * size)
    throw new ArrayParseError(
      F,
      `data unit truncated: ${view.byteLength} bytes for ${count} values of BITPIX ${bitpix}`,
    );
  for (let i = 0, o = 0; i < count; i++, o += size) {
    let v: number;
    switch (bitpix) {
      case 8:
        v = view.getUint8(o);
        break;
      case 16:
        v = view.getInt16(o);
        break;
      case 32:
        v = view.getInt32(o);
        break;
      case 64:
        v = Number(view.getBigInt64(o));
        break;
      case -32:
        v = view.getFloat32(o);
        break;
      case -64:
        v = view.getFloat64(o);
        break;
      default:
        throw new ArrayParseError(F, `unsupported BITPIX ${bitpix}`);
    }
    out[i] = bzero + bscale * v;
  }
  return out;
}

/**
 * The first image HDU with data: shape [height, width] (NAXIS2, NAXIS1) or, for a cube, [depth, height,
 * width]. Rows are flipped so row 0 is the top of the picture (FITS puts the origin at the bottom left).
 */
export function parseFits(input: ArrayBuffer | Uint8Array): ParsedArray {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw new ArrayParseError(F, 'empty file');
  if (latin1(bytes.subarray(0, 9)) !== 'SIMPLE  =')
    throw new ArrayParseError(F, 'not a FITS file (no SIMPLE card)');
  const { Header } = fitsjs.astro.FITS;
  let offset = 0;
  while (offset < bytes.length) {
    const { text, dataStart } = readHeader(bytes, offset);
    let h;
    try {
      h = new Header(text);
    } catch (e) {
      throw new ArrayParseError(F, `bad header: ${e instanceof Error ? e.message : String(e)}`);
    }
    const length = h.hasDataUnit() ? h.getDataLength() : 0;
    if (length > 0 && h.getDataType() === 'Image') {
      const naxis = num(h.get('NAXIS'), 0);
      const dims = Array.from({ length: naxis }, (_, i) => num(h.get(`NAXIS${i + 1}`), 0));
      if (naxis < 2 || naxis > 3 || dims.some((d) => d < 1))
        throw new ArrayParseError(
          F,
          `need a 2-D image or a 3-D cube, got NAXIS=${naxis} (${dims.join('×')})`,
        );
      const [w, hgt, depth = 1] = dims as [number, number, number?];
      const bitpix = num(h.get('BITPIX'), 0);
      const view = new DataView(
        bytes.buffer,
        bytes.byteOffset + dataStart,
        Math.max(0, Math.min(bytes.length - dataStart, length)),
      );
      const raw = decode(view, bitpix, w * hgt * depth, num(h.get('BZERO'), 0), num(h.get('BSCALE'), 1));
      const data = new Float64Array(raw.length);
      for (let d = 0; d < depth; d++)
        for (let r = 0; r < hgt; r++)
          data.set(raw.subarray((d * hgt + r) * w, (d * hgt + r + 1) * w), (d * hgt + (hgt - 1 - r)) * w);
      const shape = depth > 1 ? [depth, hgt, w] : [hgt, w];
      assertNotEmpty(F, shape);
      assertFinite(F, data, shape);
      return { shape, data };
    }
    offset = dataStart + Math.ceil(length / BLOCK) * BLOCK;
  }
  throw new ArrayParseError(F, 'no image data in any HDU (tables are not supported)');
}
