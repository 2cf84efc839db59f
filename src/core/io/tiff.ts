// TIFF → ParsedArray (the first image of the file), through UTIF (utif2): it handles the container and
// every compression. Scientific TIFFs are single-channel 8/16/32-bit integers or 32/64-bit floats and
// keep their values; colour images become luminance (Rec. 601) in [0, 1], like the PNG/JPEG path.
import UTIF from 'utif2';
import { assertFinite, assertNotEmpty } from './finite.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

const F = 'tiff';

const tag = (ifd: UTIF.IFD, t: number, dflt: number): number => {
  const v = ifd[`t${t}`];
  return Array.isArray(v) && typeof v[0] === 'number' ? v[0] : dflt;
};

export function parseTiff(input: ArrayBuffer | Uint8Array): ParsedArray {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw new ArrayParseError(F, 'empty file');
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifd: UTIF.IFD | undefined;
  try {
    ifd = UTIF.decode(buf).find((d) => d.t256 !== undefined);
    if (ifd) UTIF.decodeImage(buf, ifd);
  } catch (e) {
    throw new ArrayParseError(F, `cannot decode: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!ifd || !ifd.data) throw new ArrayParseError(F, 'no image in the file');
  const { width: w, height: h } = ifd;
  const spp = tag(ifd, 277, 1);
  const bps = tag(ifd, 258, 1);
  const fmt = tag(ifd, 339, 1); // 1 unsigned, 2 signed, 3 float
  const n = w * h;
  const data = new Float64Array(n);
  const raw = ifd.data;
  const le = (ifd as unknown as { isLE?: boolean }).isLE !== false;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (spp === 1 && [8, 16, 32, 64].includes(bps)) {
    const size = bps / 8;
    if (raw.byteLength < n * size)
      throw new ArrayParseError(F, `pixel data truncated: ${raw.byteLength} bytes for ${w}×${h}×${bps} bits`);
    for (let i = 0; i < n; i++) {
      const o = i * size;
      // UTIF converts 16-bit samples to little endian itself; wider ones keep the file's byte order.
      if (bps === 8) data[i] = fmt === 2 ? view.getInt8(o) : view.getUint8(o);
      else if (bps === 16) data[i] = fmt === 2 ? view.getInt16(o, true) : view.getUint16(o, true);
      else if (bps === 32)
        data[i] =
          fmt === 3 ? view.getFloat32(o, le) : fmt === 2 ? view.getInt32(o, le) : view.getUint32(o, le);
      else if (fmt === 3) data[i] = view.getFloat64(o, le);
      else throw new ArrayParseError(F, `unsupported 64-bit integer samples`);
    }
  } else {
    const rgba = UTIF.toRGBA8(ifd);
    for (let i = 0; i < n; i++)
      data[i] = (0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!) / 255;
  }
  const shape = [h, w];
  assertNotEmpty(F, shape);
  assertFinite(F, data, shape);
  return { shape, data };
}
