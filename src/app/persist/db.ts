// The lab's IndexedDB (through Dexie): uploaded datasets, the teacher (model.json + weights) and the
// run (a session export plus what the page showed), so a reload comes back where it was. Built-in
// datasets are not stored: they regenerate from their seed.
import { Dexie, type Table } from 'dexie';
import type { SessionExport } from '../export/session.ts';
import type { LabDataset, SplitFractions, TeacherSlice } from '../store/types.ts';
import { packSession, unpackSession, type PackedSession } from './packSession.ts';

export type SavedTeacher = Omit<TeacherSlice['teacher'], 'status' | 'error' | 'note'>;

export interface SavedRun {
  activeId: string;
  split: SplitFractions;
  sample: number;
  /** Whether training was running: a reload resumes it. */
  playing: boolean;
  session: SessionExport;
}

/** A run as stored: its session packed, or (written by an earlier version) as it is. */
type StoredRun = Omit<SavedRun, 'session'> & { session: PackedSession | SessionExport };

interface Row<T> {
  key: string;
  value: T;
}

export class LabDb extends Dexie {
  datasets!: Table<LabDataset, string>;
  state!: Table<Row<unknown>, string>;

  constructor(name = 'awd-lab') {
    super(name);
    this.version(1).stores({ datasets: 'id', state: 'key' });
  }

  async saveRun(run: SavedRun, teacher: SavedTeacher | null): Promise<void> {
    // Stored packed (see packSession: the clone inside put() runs on the main thread).
    const stored: StoredRun = { ...run, session: packSession(run.session) };
    await this.transaction('rw', this.state, async () => {
      await this.state.put({ key: 'run', value: stored });
      if (teacher) await this.state.put({ key: 'teacher', value: teacher });
    });
  }

  async loadRun(): Promise<{ run: SavedRun | null; teacher: SavedTeacher | null; uploads: LabDataset[] }> {
    const [run, teacher, uploads] = await Promise.all([
      this.state.get('run'),
      this.state.get('teacher'),
      this.datasets.toArray(),
    ]);
    const stored = (run?.value as StoredRun | undefined) ?? null;
    return {
      run: stored && { ...stored, session: unpackSession(stored.session) },
      teacher: (teacher?.value as SavedTeacher) ?? null,
      uploads,
    };
  }

  async saveDataset(d: LabDataset): Promise<void> {
    if (d.source === 'upload') await this.datasets.put(d);
  }
}
