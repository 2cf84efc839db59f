// The page's upload action: parse, check, then (only if all is well) switch the lab to the new dataset.
// Any failure leaves the current dataset, teacher and run untouched and puts one line in uploadError.
import type { LabelColumn } from '../../core/io/labeledTable.ts';
import type { LabController } from '../lab.ts';
import { UploadError } from './checks.ts';
import { ingestFiles } from './ingest.ts';
import { decodeRasterImage } from './rasterImage.ts';
import { assembleTeacher } from './teacherFiles.ts';

export interface UploadChoices {
  labelColumn: LabelColumn;
  windowLength: number;
}

let counter = 0;

export async function uploadDataFiles(
  lab: LabController,
  files: readonly File[],
  c: UploadChoices,
): Promise<boolean> {
  lab.setBusy(`reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
  try {
    const s = lab.store.getState();
    const d = await ingestFiles(files, {
      ...c,
      level: s.config.level,
      id: `upload:${Date.now().toString(36)}-${++counter}`,
      decodeRaster: decodeRasterImage,
    });
    lab.useDataset(d);
    return true;
  } catch (e) {
    lab.setUploadError(
      e instanceof UploadError ? e.message : `upload failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    return false;
  } finally {
    lab.setBusy(null);
  }
}

export async function uploadTeacherFiles(lab: LabController, files: readonly File[]): Promise<string | null> {
  try {
    const named = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
    lab.importTeacher(assembleTeacher(named));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
