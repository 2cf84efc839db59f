// PNG/JPEG/GIF/BMP/WebP → one grey map, decoded by the browser itself (createImageBitmap), read back
// through an OffscreenCanvas. Luminance (Rec. 601) in [0, 1]: a map is one channel.
import type { ParsedArray } from '../../core/io/types.ts';

export async function decodeRasterImage(file: Blob): Promise<ParsedArray> {
  let bmp: ImageBitmap;
  try {
    bmp = await createImageBitmap(file);
  } catch {
    throw new Error('the browser cannot decode it as an image (corrupt or not an image)');
  }
  const { width: w, height: h } = bmp;
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(w, h)
      : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
    OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('no 2-D canvas to read the pixels');
  ctx.drawImage(bmp, 0, 0);
  bmp.close();
  const px = ctx.getImageData(0, 0, w, h).data;
  const data = new Float64Array(w * h);
  for (let i = 0; i < data.length; i++)
    data[i] = (0.299 * px[4 * i]! + 0.587 * px[4 * i + 1]! + 0.114 * px[4 * i + 2]!) / 255;
  return { shape: [h, w], data };
}
