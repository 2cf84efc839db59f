// Writes the lab to IndexedDB as it changes (debounced, so ~1 write a second while training; the
// teacher's weights only when the teacher changes) and reads it back at start-up. Failures (private
// mode, quota) never break the lab: persistence just stops.
import { sessionExport } from '../export/session.ts';
import type { LabController } from '../lab.ts';
import type { LabState } from '../store/types.ts';
import type { LabDb, SavedRun, SavedTeacher } from './db.ts';

export function savedTeacher(s: LabState): SavedTeacher | null {
  const t = s.teacher;
  if (!t.artifacts || t.status !== 'ready') return null;
  const { status: _s, error: _e, note: _n, ...rest } = t;
  return rest;
}

export function savedRun(s: LabState): SavedRun | null {
  if (!s.activeId) return null;
  return {
    activeId: s.activeId,
    split: s.split,
    sample: s.view.sample,
    playing: s.training.status === 'training',
    session: sessionExport(s),
  };
}

export function persistLab(lab: LabController, db: LabDb, delayMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let broken = false;
  const savedDatasets = new Set<string>();
  // The teacher (its weights) is written when it changes, not with every second's run record.
  let savedTeacherOf: LabState['teacher'] | null = null;
  const flush = async () => {
    timer = null;
    const s = lab.store.getState();
    try {
      for (const d of s.datasets) {
        if (d.source === 'upload' && !savedDatasets.has(d.id)) {
          await db.saveDataset(d);
          savedDatasets.add(d.id);
        }
      }
      const run = savedRun(s);
      if (run && s.training.records.length > 0) {
        const teacher = s.teacher === savedTeacherOf ? null : savedTeacher(s);
        await db.saveRun(run, teacher);
        if (teacher) savedTeacherOf = s.teacher;
      }
    } catch (e) {
      broken = true;
      console.warn(`AWD Lab: saving to IndexedDB failed, the lab will not survive a reload: ${String(e)}`);
    }
  };
  const unsub = lab.store.subscribe((s, prev) => {
    if (broken || timer) return;
    if (
      s.training.records === prev.training.records &&
      s.datasets === prev.datasets &&
      s.teacher === prev.teacher &&
      s.config === prev.config
    )
      return;
    timer = setTimeout(() => void flush(), delayMs);
  });
  return () => {
    unsub();
    if (timer) clearTimeout(timer);
  };
}
