// Folders in, files out: a dropped folder (File and Directory Entries API) or a folder picked with
// <input webkitdirectory> becomes the flat list of files ingest expects. Hidden files that operating
// systems leave in folders (.DS_Store, macOS "._x" forks, Thumbs.db) are skipped, so "drop the folder
// of maps with its labels.csv" works as users expect.

const HIDDEN = /^(\.|Thumbs\.db$|desktop\.ini$)/i;

export function isHiddenFile(name: string): boolean {
  return HIDDEN.test(name);
}

/** Minimal shapes of the entries API (FileSystemEntry & co.), so this module also type-checks in Node. */
interface Entry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntry extends Entry {
  createReader(): { readEntries(ok: (es: Entry[]) => void, fail: (e: unknown) => void): void };
}

/**
 * The drop's entries, taken synchronously: DataTransfer items are only readable during the drop
 * event, so call this in the handler and walk the result afterwards. Null when the browser has no
 * entries API (then the drop's plain file list is all there is).
 */
export function dropEntries(dt: DataTransfer): Entry[] | null {
  const items = [...dt.items].filter((i) => i.kind === 'file');
  if (!items.length || typeof items[0]!.webkitGetAsEntry !== 'function') return null;
  const entries = items.map((i) => i.webkitGetAsEntry() as Entry | null);
  return entries.every((e): e is Entry => e !== null) ? entries : null;
}

/** Every file under the entries, folders walked depth-first, hidden files skipped. */
export async function filesFromEntries(entries: readonly Entry[]): Promise<File[]> {
  const out: File[] = [];
  const walk = async (e: Entry): Promise<void> => {
    if (isHiddenFile(e.name)) return;
    if (e.isFile) out.push(await new Promise<File>((ok, fail) => (e as FileEntry).file(ok, fail)));
    else if (e.isDirectory) {
      const reader = (e as DirEntry).createReader();
      // readEntries returns at most ~100 entries per call: read until it returns none.
      for (;;) {
        const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const c of batch) await walk(c);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

/** Files from a picker (a folder picker lists every file inside, hidden ones included). */
export function visibleFiles(files: Iterable<File>): File[] {
  return [...files].filter((f) => !isHiddenFile(f.name));
}
