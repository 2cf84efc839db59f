// Small file builders for upload tests: NPY, FITS and TIFF bytes made here, so every case is explicit.
import UTIF from 'utif2';

export function npy(shape: number[], values: ArrayLike<number>, descr = '<f8'): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = new Uint8Array(10 + header.length);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(head.buffer).setUint16(8, header.length, true);
  head.set(new TextEncoder().encode(header), 10);
  const data =
    descr === '<f4'
      ? new Uint8Array(Float32Array.from(values).buffer)
      : new Uint8Array(Float64Array.from(values).buffer);
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

const card = (k: string, v: string) => `${k.padEnd(8)}= ${v.padStart(20)}`.padEnd(80);

/** A FITS primary HDU with a BITPIX −64 (float64, big-endian) image of rows×cols, written row 0 first. */
export function fits(
  rows: number,
  cols: number,
  values: ArrayLike<number>,
  bitpix = -64,
  extra: string[] = [],
): Uint8Array {
  const cards = [
    card('SIMPLE', 'T'),
    card('BITPIX', String(bitpix)),
    card('NAXIS', '2'),
    card('NAXIS1', String(cols)),
    card('NAXIS2', String(rows)),
    ...extra,
    'END'.padEnd(80),
  ];
  const head = cards.join('').padEnd(Math.ceil((cards.length * 80) / 2880) * 2880, ' ');
  const size = Math.abs(bitpix) / 8;
  const dataLen = Math.ceil((rows * cols * size) / 2880) * 2880;
  const out = new Uint8Array(head.length + dataLen);
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  const dv = new DataView(out.buffer, head.length);
  for (let i = 0; i < rows * cols; i++) {
    if (bitpix === -64) dv.setFloat64(i * 8, values[i]!);
    else if (bitpix === 16) dv.setInt16(i * 2, values[i]!);
    else dv.setFloat32(i * 4, values[i]!);
  }
  return out;
}

/** An 8-bit RGBA TIFF (UTIF's encoder) with grey value v[i] at pixel i. */
export function tiff(w: number, h: number, v: ArrayLike<number>): Uint8Array {
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([v[i]!, v[i]!, v[i]!, 255], i * 4);
  return new Uint8Array(UTIF.encodeImage(rgba, w, h));
}

export function file(name: string, content: string | Uint8Array): File {
  return new File([content as BlobPart], name);
}
