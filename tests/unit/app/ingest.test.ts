// Uploads: every supported kind becomes a dataset, every bad file a specific one-line message.
import { describe, expect, test } from 'vitest';
import { checkShape, labelsToTargets, UploadError } from '../../../src/app/upload/checks.ts';
import { ingestFiles, type IngestOptions } from '../../../src/app/upload/ingest.ts';
import { assembleTeacher } from '../../../src/app/upload/teacherFiles.ts';
import { parseFits } from '../../../src/core/io/fits.ts';
import { parseLabeledTable, parseLabelsByName, windowSeries } from '../../../src/core/io/labeledTable.ts';
import { parseTiff } from '../../../src/core/io/tiff.ts';
import { file, fits, npy, tiff } from './files.ts';

const opts: IngestOptions = {
  labelColumn: 'auto',
  windowLength: 16,
  level: 2,
  id: 'upload:t',
  decodeRaster: async () => {
    throw new Error('no raster decoding in Node');
  },
};

function table(rows: number, cols: number, label?: (i: number) => string): string {
  const head = [...Array.from({ length: cols }, (_, j) => `t${j}`), ...(label ? ['label'] : [])].join(',');
  const body = Array.from({ length: rows }, (_, i) =>
    [...Array.from({ length: cols }, (_, j) => String(i + j / 10)), ...(label ? [label(i)] : [])].join(','),
  );
  return [head, ...body].join('\n');
}

async function fails(files: File[], o: Partial<IngestOptions> = {}): Promise<string> {
  try {
    await ingestFiles(files, { ...opts, ...o });
  } catch (e) {
    expect(e).toBeInstanceOf(UploadError);
    return (e as Error).message;
  }
  throw new Error('expected the upload to fail');
}

describe('good uploads', () => {
  test('CSV of series with a label column: regression or classes by the labels', async () => {
    const reg = await ingestFiles(
      [
        file(
          's.csv',
          table(6, 8, (i) => String(i * 0.5)),
        ),
      ],
      opts,
    );
    expect(reg).toMatchObject({ kind: '1d', shape: [6, 8], task: 'regression', targetName: 'label' });
    expect(Array.from(reg.y!)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(reg.x[8 + 3]).toBeCloseTo(1.3, 6);
    const cls = await ingestFiles(
      [file('c.tsv', table(6, 8, (i) => (i % 2 ? 'spike' : 'flat')).replace(/,/g, '\t'))],
      opts,
    );
    expect(cls).toMatchObject({ task: 'classification', classes: ['flat', 'spike'] });
    expect(Array.from(cls.y!)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  test('one long series is cut into windows of the chosen length', async () => {
    const d = await ingestFiles(
      [file('long.csv', Array.from({ length: 70 }, (_, i) => String(i)).join('\n'))],
      opts,
    );
    expect(d.shape).toEqual([4, 16]);
    expect(d.y).toBeNull();
    expect(windowSeries(Float64Array.from([1, 2, 3, 4, 5]), 2).shape).toEqual([2, 2]);
  });

  test('NPY (N, L), (N, H, W) and a single square (H, W) map', async () => {
    expect((await ingestFiles([file('a.npy', npy([3, 8], new Float64Array(24)))], opts)).shape).toEqual([
      3, 8,
    ]);
    expect((await ingestFiles([file('b.npy', npy([3, 4, 4], new Float64Array(48), '<f4'))], opts)).kind).toBe(
      '2d',
    );
    const msg = await fails([file('c.npy', npy([16, 16], new Float64Array(256)))]);
    expect(msg).toMatch(/1 sample; the train\/validation\/test split needs at least 3/);
  });

  test('TIFF and FITS maps with labels from a CSV by file name', async () => {
    const px = (k: number) => Array.from({ length: 16 }, (_, i) => (i * 10 + k) % 256);
    const files = [
      file('m1.tif', tiff(4, 4, px(1))),
      file('m2.tif', tiff(4, 4, px(2))),
      file('m3.fits', fits(4, 4, px(3))),
      file('labels.csv', 'file,label\nmaps/m1.tif,0.1\nm2.tif,0.2\nm3.fits,0.3\n'),
    ];
    const d = await ingestFiles(files, opts);
    expect(d).toMatchObject({ kind: '2d', shape: [3, 4, 4], task: 'regression' });
    expect(Array.from(d.y!)).toEqual([0.1, 0.2, 0.3].map(Math.fround));
    expect(d.x[1]).toBeCloseTo(11 / 255, 6); // TIFF colour → luminance in [0, 1]
    expect(d.x[32 + 12]).toBe(3); // FITS row 0 is the bottom row: flipped to the top
  });
});

describe('bad uploads: one specific line each', () => {
  test.each([
    ['empty', [file('e.csv', '')], /e\.csv: the file is empty/],
    ['blank lines only', [file('b.csv', '\n \n')], /b\.csv: csv: the file is empty/],
    [
      'ragged rows',
      [file('r.csv', '1,2,3\n4,5\n6,7,8')],
      /r\.csv: csv: ragged rows: row 2 has 2 columns, expected 3/,
    ],
    [
      'non-numeric cell',
      [file('n.csv', '1,2,3\n4,abc,6\n7,8,9\n1,2,3')],
      /non-numeric cell "abc" at row 2, col 2/,
    ],
    ['NaN', [file('nan.csv', '1,2,3\n4,NaN,6\n7,8,9')], /non-finite value "NaN" at row 2, col 2/],
    [
      'Inf in NPY',
      [file('i.npy', npy([3, 4], [1, 2, 3, 4, 5, Infinity, 7, 8, 9, 10, 11, 12]))],
      /i\.npy: npy: Infinity at index \[1, 1\]: values must be finite/,
    ],
    [
      'too small for J',
      [
        file(
          's.csv',
          table(5, 3, (i) => String(i)),
        ),
      ],
      /too small for J = 2: a sample is 3, and 2 levels need at least 4 per side/,
    ],
    [
      'too large for memory',
      [file('big.npy', npy([100000, 1000], []))],
      /big\.npy: too large for memory \(100000×1000 = 100,000,000 values/,
    ],
    ['unsupported type', [file('x.docx', 'hi')], /x\.docx: unsupported file type/],
  ])('%s', async (_name, files, re) => {
    expect(await fails(files)).toMatch(re);
  });

  test('mixed sizes among maps, and a map without a label', async () => {
    const a = file('a.tif', tiff(4, 4, new Array(16).fill(1)));
    const b = file('b.tif', tiff(8, 4, new Array(32).fill(1)));
    expect(await fails([a, b])).toMatch(/mixed sizes: a\.tif is 4×4 but b\.tif is 8×4/);
    const c = file('c.tif', tiff(4, 4, new Array(16).fill(1)));
    expect(await fails([a, c, file('l.csv', 'a.tif,1\n')])).toMatch(/l\.csv: no label for c\.tif/);
  });

  test('shape checks and labels to targets', () => {
    expect(() => checkShape('x', [10, 64], 7)).toThrow(/too small for J = 7/);
    expect(() => checkShape('x', [10, 64], 6)).not.toThrow();
    expect(labelsToTargets(['0', '1', '0', '1', '1', '0'])).toMatchObject({
      task: 'classification',
      classes: ['0', '1'],
    });
    expect(labelsToTargets(['0.5', '1', '2.25'])).toMatchObject({ task: 'regression' });
  });
});

describe('core/io parsers', () => {
  test('labelled table: header detection, label column choice, error positions', () => {
    const t = parseLabeledTable('a,b,y\n1,2,3\n4,5,6');
    expect(t).toMatchObject({ shape: [2, 2], labels: ['3', '6'], labelName: 'y' });
    expect(parseLabeledTable('1,2,3\n4,5,6', { labelColumn: 'first' }).labels).toEqual(['1', '4']);
    expect(parseLabeledTable('1,2,3\n4,5,6', { labelColumn: 'none' }).shape).toEqual([2, 3]);
    expect(() => parseLabeledTable('1,2\n3,4', { labelColumn: 'target' })).toThrow(
      /no column named "target"/,
    );
    expect(() => parseLabeledTable('a,b\n1,\n3,4')).toThrow(/empty cell at row 2, col 2/);
    expect(parseLabelsByName('name,label\nx/a.png,cat\nb.png,dog').get('a.png')).toBe('cat');
  });

  test('FITS: BZERO/BSCALE applied, integer BITPIX, header errors named', () => {
    const f = parseFits(fits(2, 3, [1, 2, 3, 4, 5, 6], 16, [card('BZERO', '10'), card('BSCALE', '2')]));
    expect(f.shape).toEqual([2, 3]);
    expect(Array.from(f.data)).toEqual([18, 20, 22, 12, 14, 16]);
    expect(() => parseFits(new Uint8Array(2880))).toThrow(/fits: not a FITS file/);
    expect(() => parseFits(fits(2, 2, [1, NaN, 3, 4]))).toThrow(/fits: NaN at index \[1, 1\]/);
  });

  test('TIFF: grey values come back', () => {
    const t = parseTiff(tiff(3, 2, [0, 51, 102, 153, 204, 255]));
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data).map((v) => Math.round(v * 255))).toEqual([0, 51, 102, 153, 204, 255]);
  });

  test('teacher files: model.json with its shards in manifest order, missing shard named', () => {
    const model = { modelTopology: {}, weightsManifest: [{ paths: ['w1.bin', 'w2.bin'] }] };
    const json = {
      name: 'model.json',
      bytes: new TextEncoder().encode(JSON.stringify(model)).buffer as ArrayBuffer,
    };
    const w1 = { name: 'w1.bin', bytes: new ArrayBuffer(4) };
    const w2 = { name: 'w2.bin', bytes: new ArrayBuffer(8) };
    expect(assembleTeacher([w2, json, w1]).weightData).toEqual([w1.bytes, w2.bytes]);
    expect(() => assembleTeacher([json, w1])).toThrow(/needs the weight file "w2\.bin"/);
    expect(() => assembleTeacher([w1])).toThrow(/exactly one model\.json/);
  });
});

function card(k: string, v: string): string {
  return `${k.padEnd(8)}= ${v.padStart(20)}`.padEnd(80);
}
