// Builds the display snapshot (filters, cascade, selected sample's bands) from a trainer: every array is
// a fresh Float32Array so it can be transferred, and big ones are decimated first.
import type { DataPayload, SnapshotEvent } from '../protocol/messages.ts';
import { decimate1d, decimateBand } from './decimate.ts';
import type { EngineDeps, TeacherLike, TrainerLike } from './types.ts';

/** Cascade depth for phi/psi: (K−1)·2^7 samples, smooth enough on screen, decimated below. */
const WAVEFUN_LEVEL = 7;

export async function buildSnapshot<T extends TeacherLike>(
  deps: EngineDeps<T>,
  trainer: TrainerLike,
  data: DataPayload,
  sample: number,
  step: number,
): Promise<SnapshotEvent> {
  const max1d = deps.maxPoints1d ?? 1024;
  const maxSide = deps.maxSide2d ?? 128;
  const h0 = trainer.h0();
  const g = trainer.g();
  let phi: Float32Array = new Float32Array(0);
  let psi: Float32Array = new Float32Array(0);
  let wavefunX: Float32Array = new Float32Array(0);
  // The cascade of a far-from-orthogonal filter can blow up; it is display only, so never fail on it.
  try {
    const wf = deps.wavefun(h0, WAVEFUN_LEVEL);
    phi = decimate1d(wf.phi, max1d);
    psi = decimate1d(wf.psi, max1d);
    wavefunX = decimate1d(wf.x, max1d);
  } catch {
    /* empty arrays: the plot shows nothing rather than a crash */
  }
  // h0, g and the cascade are host values; only the sample's bands are read, asynchronously.
  const c = await trainer.coefficientsAsync(sample);
  const coeffs: Float32Array[] = [];
  const attributions: Float32Array[] = [];
  const shapes: number[][] = [];
  c.coeffs.forEach((band, i) => {
    const shape = c.shapes[i] ?? [band.length];
    const d = decimateBand(band, shape, max1d, maxSide);
    coeffs.push(d.data);
    shapes.push(d.shape);
    const attr = c.attributions[i];
    attributions.push(
      attr ? decimateBand(attr, shape, max1d, maxSide).data : new Float32Array(d.data.length),
    );
  });
  const sampleShape = data.shape.slice(1);
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const xs = data.x.subarray(sample * size, (sample + 1) * size);
  const x = decimateBand(xs, sampleShape, max1d, maxSide);
  // awave's reconstruction of an odd length has one extra sample; crop to the input's size.
  const recon = decimateBand(c.recon.subarray(0, size), sampleShape, max1d, maxSide);
  return {
    type: 'snapshot',
    step,
    sample,
    h0: Float32Array.from(h0),
    g: Float32Array.from(g),
    phi,
    psi,
    wavefunX,
    coeffs,
    attributions,
    shapes,
    fullShapes: c.shapes.map((s) => [...s]),
    x: x.data,
    recon: recon.data,
    sampleShape: x.shape,
  };
}
