// A dropped folder is walked through the entries API: nested folders, readEntries' batches (it returns
// ~100 entries per call until an empty batch), hidden files skipped.
import { describe, expect, it } from 'vitest';
import { filesFromEntries, isHiddenFile, visibleFiles } from '../../../src/app/upload/folderFiles.ts';

type Fake = { isFile: boolean; isDirectory: boolean; name: string };
const file = (name: string): Fake & { file(ok: (f: File) => void): void } => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (ok) => ok(new File([name], name)),
});
/** A directory whose reader hands out `batch` entries per readEntries call, like Chromium's. */
function dir(name: string, children: Fake[], batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let i = 0;
      return {
        readEntries(ok: (es: Fake[]) => void) {
          const out = children.slice(i, i + batch);
          i += out.length;
          setTimeout(() => ok(out), 0);
        },
      };
    },
  };
}

describe('folder uploads', () => {
  it('walks nested folders in batches and skips hidden files', async () => {
    const root = dir('maps', [
      file('map0.png'),
      file('.DS_Store'),
      file('map1.png'),
      dir('more', [file('map2.png'), file('._map2.png'), file('Thumbs.db')]),
      file('labels.csv'),
    ]);
    const files = await filesFromEntries([root, file('extra.csv')]);
    expect(files.map((f) => f.name)).toEqual(['map0.png', 'map1.png', 'map2.png', 'labels.csv', 'extra.csv']);
    expect(await files[0]!.text()).toBe('map0.png');
  });

  it('hidden names: dot files, macOS forks, Windows thumbnails', () => {
    expect(['.DS_Store', '._a.png', 'Thumbs.db', 'desktop.ini', '.hidden'].every(isHiddenFile)).toBe(true);
    expect(['a.png', 'labels.csv', 'x.DS_Store.png'].some(isHiddenFile)).toBe(false);
    expect(visibleFiles([new File([''], 'a.png'), new File([''], '.DS_Store')]).map((f) => f.name)).toEqual([
      'a.png',
    ]);
  });
});
