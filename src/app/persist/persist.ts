// Writes the lab to IndexedDB as it changes and reads it back at start-up. A user's change (dataset,
// teacher, config) is written within a second; training progress alone every 5 s, since each write
// rebuilds and clones the whole run (packed into columns, see packSession: ~3 ms with 4000 records),
// and at once when the page is hidden or left. The teacher's weights only when the teacher changes.
// Failures (private mode, quota) never break the lab: persistence just stops.
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

export function persistLab(
  lab: LabController,
  db: LabDb,
  delayMs = 1000,
  progressDelayMs = 5 * delayMs,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Infinity;
  let broken = false;
  const savedDatasets = new Set<string>();
  // The teacher (its weights) is written when it changes, not with every run record.
  let savedTeacherOf: LabState['teacher'] | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    dueAt = Infinity;
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
    if (broken) return;
    const userChange = s.datasets !== prev.datasets || s.teacher !== prev.teacher || s.config !== prev.config;
    if (!userChange && s.training.records === prev.training.records) return;
    // A pending write that comes sooner covers this change too; a later one is brought forward.
    const at = Date.now() + (userChange ? delayMs : progressDelayMs);
    if (timer && dueAt <= at) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => void flush(), at - Date.now());
  });
  // Leaving or hiding the page: write what is pending now (best effort; the browser may not wait).
  const onPageHide = () => {
    if (timer) void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onPageHide();
  };
  const doc = typeof document !== 'undefined' ? document : null;
  doc?.addEventListener('visibilitychange', onVisibility);
  globalThis.addEventListener?.('pagehide', onPageHide);
  return () => {
    unsub();
    if (timer) clearTimeout(timer);
    doc?.removeEventListener('visibilitychange', onVisibility);
    globalThis.removeEventListener?.('pagehide', onPageHide);
  };
}
