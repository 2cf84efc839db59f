// Uploads in the page: a CSV of labelled 1-D series (dropped) and a folder of PNG maps with a labels CSV
// (picked) both train; every kind of bad file shows its own message and the lab keeps its dataset.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noErrors, REFERENCE_DIR, startLab, type Lab } from './harness.ts';
import { fits, tiff } from '../unit/app/files.ts';
import { freshPage, lcg, png, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

type Upload = { name: string; mimeType: string; buffer: Buffer };
const csv = (name: string, text: string): Upload => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** 90 series of length 32; label = sum of samples 10–13 (a local feature the teacher can learn). */
function seriesCsv(): string {
  const r = lcg(7);
  const rows = Array.from({ length: 90 }, () => Array.from({ length: 32 }, () => r() * 2 - 1));
  const head = [...Array.from({ length: 32 }, (_, j) => `t${j}`), 'label'].join(',');
  return [
    head,
    ...rows.map((x) =>
      [...x.map((v) => v.toFixed(4)), (x[10]! + x[11]! + x[12]! + x[13]!).toFixed(4)].join(','),
    ),
  ].join('\n');
}

/** 24 PNG maps of 32×32 (a blob whose brightness is the label) and labels.csv naming them. */
function maps(): Upload[] {
  const r = lcg(11);
  const files: Upload[] = [];
  const labels = ['file,label'];
  for (let i = 0; i < 24; i++) {
    const a = 0.3 + 0.7 * r();
    const cx = 8 + 16 * r();
    const cy = 8 + 16 * r();
    files.push({
      name: `map${i}.png`,
      mimeType: 'image/png',
      buffer: png(
        32,
        32,
        (y, x) => 40 + 200 * a * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 30) + 10 * r(),
      ),
    });
    labels.push(`map${i}.png,${a.toFixed(3)}`);
  }
  return [...files, csv('labels.csv', labels.join('\n'))];
}

async function dataset(page: Page): Promise<string> {
  return (await page.getByTestId('dataset-name').textContent())!;
}

async function trainsOn(page: Page, name: RegExp, shape: RegExp): Promise<void> {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-testid=dataset-name]')?.textContent ?? ''),
    name.source,
    { timeout: 30_000 },
  );
  assert.match((await page.getByTestId('dataset-shape').textContent())!, shape);
  await page.waitForFunction(
    () => /^ready/.test(document.querySelector('[data-testid=teacher-status]')?.textContent ?? ''),
    undefined,
    { timeout: 180_000 },
  );
  await waitStep(page, 3);
}

/** Drops files on the drop zone through a real DataTransfer, as a user dragging from the desktop. */
async function drop(page: Page, files: Upload[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString('base64') }));
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs)
      d.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return d;
  }, payload);
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: dt });
}

test('labelled CSV series (dropped) and a folder of PNG maps + labels CSV (picked) both train', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  await waitStep(page, 1);
  await drop(page, [csv('series.csv', seriesCsv())]);
  await trainsOn(page, /series\.csv/, /^90 samples × 32 .*label mean/);
  console.log(`CSV series: ${await page.getByTestId('teacher-status').textContent()}`);

  // A real folder on disk, picked as a folder, with the .DS_Store a Mac leaves in it (skipped).
  const dir = mkdtempSync(join(tmpdir(), 'awd-maps-'));
  for (const f of maps()) writeFileSync(join(dir, f.name), f.buffer);
  writeFileSync(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  await page.getByLabel(/^or a folder/).setInputFiles(dir);
  await trainsOn(page, /24 maps \(map0\.png…\)/, /^24 samples × 32×32/);
  console.log(`PNG maps: ${await page.getByTestId('teacher-status').textContent()}`);
  // The 2-D pipeline: approximation + H/V/D heatmaps per level in the Attributions panel.
  await page.locator('[data-panel=attributions]').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () =>
      Number(document.querySelector<HTMLElement>('[aria-label="attributions per scale"]')?.dataset.points) >
      0,
    undefined,
    { timeout: 30_000 },
  );
  assert.equal(noErrors(lab), '');
});

test('each bad file shows its own message and the previous dataset stays', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  await waitStep(page, 1);
  const before = await dataset(page);
  const input = page.getByLabel(/^Upload data/);
  const npyHeader = (shape: string) => {
    let h = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape}), }`;
    h += ' '.repeat((64 - ((10 + h.length + 1) % 64)) % 64) + '\n';
    const b = Buffer.alloc(10 + h.length);
    b.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    b.writeUInt16LE(h.length, 8);
    b.write(h, 10, 'latin1');
    return b;
  };
  const cases: [string, Upload[], RegExp][] = [
    ['empty', [csv('empty.csv', '')], /^empty\.csv: the file is empty$/],
    [
      'ragged rows',
      [csv('ragged.csv', '1,2,3,4\n5,6,7\n8,9,10,11')],
      /ragged\.csv: csv: ragged rows: row 2 has 3 columns, expected 4/,
    ],
    [
      'non-numeric',
      [csv('words.csv', '1,2,3\n4,five,6\n7,8,9')],
      /words\.csv: .*non-numeric cell "five" at row 2, col 2/,
    ],
    [
      'NaN/Inf',
      [csv('inf.csv', '1,2,3\n4,5,Inf\n7,8,9')],
      /inf\.csv: .*non-finite value "Inf" at row 2, col 3/,
    ],
    [
      'mixed sizes',
      [
        { name: 'a.png', mimeType: 'image/png', buffer: png(32, 32, () => 9) },
        { name: 'b.png', mimeType: 'image/png', buffer: png(16, 32, () => 9) },
      ],
      /mixed sizes: a\.png is 32×32 but b\.png is 16×32/,
    ],
    [
      'too small for J',
      [csv('short.csv', Array.from({ length: 10 }, (_, i) => `${i},1,2,3,4,5,6,7`).join('\n'))],
      /short\.csv: too small for J = 4: a sample is 8, and 4 levels need at least 16/,
    ],
    [
      'too large for memory',
      [{ name: 'huge.npy', mimeType: 'application/octet-stream', buffer: npyHeader('200000, 1000') }],
      /huge\.npy: too large for memory \(200000×1000 = 200,000,000 values/,
    ],
  ];
  for (const [what, files, re] of cases) {
    await input.setInputFiles(files);
    await page
      .waitForFunction(
        (src) =>
          new RegExp(src).test(document.querySelector('[data-testid=upload-error]')?.textContent ?? ''),
        re.source,
        { timeout: 10_000 },
      )
      .catch(async () => {
        assert.fail(
          `${what}: message was "${await page
            .getByTestId('upload-error')
            .textContent()
            .catch(() => '(none)')}"`,
        );
      });
    assert.equal(await dataset(page), before, `${what}: the dataset is unchanged`);
    console.log(`${what}: ${await page.getByTestId('upload-error').textContent()}`);
  }
  // Still training on the original data.
  const s = Number(await page.getByTestId('step').textContent());
  await waitStep(page, s + 3);

  // FITS and TIFF decode in the built bundle too (fitsjs headers, utif2).
  const px = (k: number) => Array.from({ length: 256 }, (_, i) => (i * 7 + k) % 200);
  const bin = (name: string, b: Uint8Array): Upload => ({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(b),
  });
  await input.setInputFiles([
    bin('a.fits', fits(16, 16, px(1))),
    bin('b.fits', fits(16, 16, px(2))),
    bin('c.tiff', tiff(16, 16, px(3))),
    csv('labels.csv', 'a.fits,1\nb.fits,2\nc.tiff,3'),
  ]);
  await page.waitForFunction(
    () => /3 maps \(a\.fits…\)/.test(document.querySelector('[data-testid=dataset-name]')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
  assert.match((await page.getByTestId('dataset-shape').textContent())!, /^3 samples × 16×16/);
  assert.equal(noErrors(lab), '');
});

test('an imported TF.js model (model.json + weights) is checked and explains the data', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  await waitStep(page, 1);
  const ref = `${REFERENCE_DIR}/teacher_mlp1d_s11`;
  const json = JSON.parse(readFileSync(`${ref}.json`, 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const shard = json.weightsManifest[0]!.paths[0]!;
  await page.getByLabel(/Import a TF\.js model/).setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(`${ref}.json`) },
    { name: shard, mimeType: 'application/octet-stream', buffer: readFileSync(`${ref}.weights.bin`) },
  ]);
  await page.waitForFunction(
    () =>
      /^ready \(imported\)/.test(document.querySelector('[data-testid=teacher-status]')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  assert.match((await page.getByTestId('teacher-verdict').textContent())!, /✓/);
  await waitStep(page, 5);
  // A model.json without its weights names the missing file.
  await page
    .getByLabel(/Import a TF\.js model/)
    .setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(`${ref}.json`) },
    ]);
  await page.getByText(`needs the weight file "${shard}"`).waitFor({ timeout: 5000 });
  assert.equal(noErrors(lab), '');
});
