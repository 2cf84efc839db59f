// Uploaded files → one LabDataset, or an UploadError that says exactly what is wrong. Parsing is done by
// core/io (CSV/TSV via papaparse, NPY via npyjs, FITS via fitsjs, TIFF via utif2) and by the browser for
// PNG/JPEG; this file decides what the files mean together (a table, an array, a folder of maps + labels).
import { parseArrayFile } from '../../core/io/parseArray.ts';
import { parseFits } from '../../core/io/fits.ts';
import {
  baseName,
  parseLabeledTable,
  parseLabelsByName,
  windowSeries,
  type LabelColumn,
} from '../../core/io/labeledTable.ts';
import { parseTiff } from '../../core/io/tiff.ts';
import type { ParsedArray } from '../../core/io/types.ts';
import type { LabDataset } from '../store/types.ts';
import { npyDeclaredShape } from '../../core/io/npyHeader.ts';
import { checkFileSize, checkShape, checkValues, labelsToTargets, UploadError } from './checks.ts';

export interface IngestOptions {
  labelColumn: LabelColumn;
  /** Window length for a single long series (one column or one row). */
  windowLength: number;
  /** The current J: samples must be long enough for it. */
  level: number;
  /** Id for the new dataset ('upload:…'). */
  id: string;
  decodeRaster: (f: Blob) => Promise<ParsedArray>;
}

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const RASTER = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp']);
const IMAGE = new Set([...RASTER, 'tif', 'tiff', 'fits', 'fit', 'fts']);
const TABLE = new Set(['csv', 'tsv', 'txt']);
const ARRAY = new Set(['npy', 'json']);

function reword(name: string, e: unknown): UploadError {
  if (e instanceof UploadError) return e;
  return new UploadError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
}

export async function ingestFiles(files: readonly File[], o: IngestOptions): Promise<LabDataset> {
  if (files.length === 0) throw new UploadError('no files chosen');
  for (const f of files) checkFileSize(f.name, f.size);
  const images = files.filter((f) => IMAGE.has(ext(f.name)));
  const tables = files.filter((f) => TABLE.has(ext(f.name)));
  const arrays = files.filter((f) => ARRAY.has(ext(f.name)));
  const unknown = files.filter(
    (f) => !IMAGE.has(ext(f.name)) && !TABLE.has(ext(f.name)) && !ARRAY.has(ext(f.name)),
  );
  if (unknown.length)
    throw new UploadError(
      `${unknown[0]!.name}: unsupported file type (use CSV/TSV, NPY, PNG/JPEG, TIFF or FITS)`,
    );
  if (images.length) return ingestImages(images, tables, o);
  if (arrays.length === 1 && tables.length === 0) return ingestArray(arrays[0]!, o);
  if (tables.length === 1 && arrays.length === 0) return ingestTable(tables[0]!, o);
  throw new UploadError(
    'choose one table (CSV/TSV), one array (NPY), or image files with an optional labels CSV',
  );
}

function dataset(
  o: IngestOptions,
  name: string,
  p: ParsedArray,
  labels: string[] | null,
  targetName: string,
  description: string,
): LabDataset {
  checkShape(name, p.shape, o.level);
  const t = labels ? labelsToTargets(labels) : null;
  return {
    id: o.id,
    name,
    source: 'upload',
    description,
    kind: p.shape.length === 3 ? '2d' : '1d',
    x: Float32Array.from(p.data),
    shape: [...p.shape],
    y: t?.y ?? null,
    targetName,
    task: t?.task ?? 'regression',
    classes: t?.classes ?? [],
  };
}

async function ingestTable(f: File, o: IngestOptions): Promise<LabDataset> {
  let t;
  try {
    t = parseLabeledTable(await f.text(), {
      labelColumn: o.labelColumn,
      format: ext(f.name) === 'tsv' ? 'tsv' : 'csv',
      ...(ext(f.name) === 'tsv' ? { delimiter: '\t' } : {}),
    });
  } catch (e) {
    throw reword(f.name, e);
  }
  const [n, L] = t.shape;
  if ((L === 1 || n === 1) && !t.labels) {
    const w = windowSeries(t.data, o.windowLength);
    return dataset(
      o,
      f.name,
      w,
      null,
      'y',
      `one series of ${t.data.length} values cut into ${w.shape[0]} windows of ${o.windowLength}`,
    );
  }
  return dataset(
    o,
    f.name,
    { shape: t.shape, data: t.data },
    t.labels,
    t.labelName ?? 'y',
    `${n} series of length ${L}${t.labels ? `, labels from column "${t.labelName}"` : ', no labels'}`,
  );
}

async function ingestArray(f: File, o: IngestOptions): Promise<LabDataset> {
  let p: ParsedArray;
  try {
    const bytes = new Uint8Array(await f.arrayBuffer());
    // Refuse an oversized array by its declared shape, before its values are allocated.
    if (ext(f.name) === 'npy') checkValues(f.name, npyDeclaredShape(bytes).shape);
    p = parseArrayFile(f.name, bytes);
  } catch (e) {
    throw reword(f.name, e);
  }
  if (p.shape.length === 1) {
    const w = windowSeries(p.data, o.windowLength);
    return dataset(
      o,
      f.name,
      w,
      null,
      'y',
      `one series of ${p.data.length} values cut into ${w.shape[0]} windows of ${o.windowLength}`,
    );
  }
  if (p.shape.length === 2 && p.shape[0]! >= 16 && p.shape[1]! >= 16 && p.shape[0] === p.shape[1])
    // A square (H, W) array is one map, not H series: numpy users save single images that way.
    return dataset(
      o,
      f.name,
      { shape: [1, ...p.shape], data: p.data },
      null,
      'y',
      `one ${p.shape.join('×')} map`,
    );
  if (p.shape.length > 3)
    throw new UploadError(
      `${f.name}: ${p.shape.length}-D array (${p.shape.join('×')}); expected (N, L), (N, H, W) or (H, W)`,
    );
  return dataset(
    o,
    f.name,
    p,
    null,
    'y',
    p.shape.length === 3
      ? `${p.shape[0]} maps of ${p.shape[1]}×${p.shape[2]}`
      : `${p.shape[0]} series of length ${p.shape[1]}`,
  );
}

async function decodeImage(f: File, o: IngestOptions): Promise<ParsedArray> {
  const e = ext(f.name);
  try {
    if (e === 'tif' || e === 'tiff') return parseTiff(new Uint8Array(await f.arrayBuffer()));
    if (e === 'fits' || e === 'fit' || e === 'fts') return parseFits(new Uint8Array(await f.arrayBuffer()));
    return await o.decodeRaster(f);
  } catch (err) {
    throw reword(f.name, err);
  }
}

async function ingestImages(
  images: readonly File[],
  tables: readonly File[],
  o: IngestOptions,
): Promise<LabDataset> {
  if (tables.length > 1)
    throw new UploadError(
      `several tables with the images (${tables.map((t) => t.name).join(', ')}): give one labels CSV`,
    );
  let labelsByName: Map<string, string> | null = null;
  if (tables[0]) {
    try {
      labelsByName = parseLabelsByName(await tables[0].text());
    } catch (e) {
      throw reword(tables[0].name, e);
    }
  }
  const sorted = [...images].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const maps: { name: string; p: ParsedArray }[] = [];
  for (const f of sorted) {
    const p = await decodeImage(f, o);
    // A FITS cube is several maps of one size.
    if (p.shape.length === 3) {
      const [d, h, w] = p.shape as [number, number, number];
      for (let k = 0; k < d; k++)
        maps.push({
          name: `${f.name}[${k}]`,
          p: { shape: [h, w], data: p.data.subarray(k * h * w, (k + 1) * h * w) },
        });
    } else maps.push({ name: f.name, p });
  }
  const [h, w] = maps[0]!.p.shape as [number, number];
  const odd = maps.find((m) => m.p.shape[0] !== h || m.p.shape[1] !== w);
  if (odd)
    throw new UploadError(
      `mixed sizes: ${maps[0]!.name} is ${w}×${h} but ${odd.name} is ${odd.p.shape[1]}×${odd.p.shape[0]}; all maps must have one size`,
    );
  const data = new Float64Array(maps.length * h * w);
  maps.forEach((m, i) => data.set(m.p.data, i * h * w));
  let labels: string[] | null = null;
  if (labelsByName) {
    const table = labelsByName;
    labels = maps.map((m) => {
      const l = table.get(baseName(m.name.replace(/\[\d+\]$/, '')));
      if (l === undefined) throw new UploadError(`${tables[0]!.name}: no label for ${m.name}`);
      return l;
    });
  }
  const name = maps.length === 1 ? maps[0]!.name : `${maps.length} maps (${sorted[0]!.name}…)`;
  return dataset(
    o,
    name,
    { shape: [maps.length, h, w], data },
    labels,
    'label',
    `${maps.length} maps of ${w}×${h}${labels ? `, labels from ${tables[0]!.name}` : ', no labels'}`,
  );
}
