// Helpers shared by the lab specs: reading what the page shows (counters, Plotly's drawn data) and
// building upload files (PNG via node:zlib, CSV) in Node.
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export const LONG = 240_000;

/** Waits until the step counter reaches `min` (the run is training and reporting). */
export async function waitStep(page: Page, min: number, timeout = LONG): Promise<number> {
  await page.waitForFunction(
    (m) => Number(document.querySelector('[data-testid=step]')?.textContent ?? 0) >= m,
    min,
    { timeout, polling: 200 },
  );
  return step(page);
}

export async function step(page: Page): Promise<number> {
  return Number(await page.getByTestId('step').textContent());
}

/** The y values Plotly drew for the trace with `meta` in the plot labelled `label`. */
export async function traceY(page: Page, label: string, meta: string): Promise<number[]> {
  return page.evaluate(
    ([l, m]) => {
      const el = document.querySelector(`[aria-label="${l}"]`) as
        (HTMLElement & { data?: { meta?: string; y?: number[] }[] }) | null;
      return (el?.data?.find((t) => t.meta === m)?.y ?? []).filter((v): v is number => typeof v === 'number');
    },
    [label, meta] as const,
  );
}

/** data-points of every plot per panel: { data: [256], wavelet: [100, 4096, …], … }. */
export async function panelPoints(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const p of document.querySelectorAll<HTMLElement>('[data-panel]'))
      out[p.dataset.panel!] = [...p.querySelectorAll<HTMLElement>('.plot-area')].map((e) =>
        Number(e.dataset.points ?? 0),
      );
    return out;
  });
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An 8-bit greyscale PNG whose pixel (r, c) is `f(r, c)` (0–255). */
export function png(w: number, h: number, f: (r: number, c: number) => number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit, greyscale, deflate, no filter, no interlace
  const raw = Buffer.alloc(h * (w + 1));
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w; c++) raw[r * (w + 1) + 1 + c] = Math.max(0, Math.min(255, Math.round(f(r, c))));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A seeded LCG, so upload contents are the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A lab page with no saved state (IndexedDB and the hint flag cleared first, from another page of the origin). */
export async function freshPage(
  lab: { newPage(path?: string): Promise<Page>; url: string },
  hash: string,
): Promise<Page> {
  const page = await lab.newPage('verify.html');
  // Earlier tests' pages keep the database open, which would block (not fail) its deletion: close them.
  await Promise.all(
    page
      .context()
      .pages()
      .filter((p) => p !== page)
      .map((p) => p.close()),
  );
  await page.evaluate(
    () =>
      new Promise<void>((res, rej) => {
        localStorage.clear();
        const r = indexedDB.deleteDatabase('awd-lab');
        r.onsuccess = () => res();
        r.onerror = () => rej(new Error('deleteDatabase failed'));
        // Blocked only until the closed pages' connections go; success follows then.
        r.onblocked = () => console.warn('deleteDatabase blocked for a moment');
      }),
  );
  await page.goto(lab.url + hash);
  return page;
}
