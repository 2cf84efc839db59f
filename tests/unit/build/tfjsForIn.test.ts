// The build-time tfjs-core patch (scripts/tfjsForIn.ts): it applies to the installed tfjs, rewrites every
// for…in loop it was written for, visits the same keys, and refuses a tfjs whose loops changed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rewriteForIn, TFJS_FOR_IN_FILES, tfjsForIn } from '../../../scripts/tfjsForIn.ts';

const require = createRequire(import.meta.url);
const installed = (file: string) => require.resolve(file, { paths: [process.cwd()] });

type Transform = (code: string, id: string) => { code: string } | null;
const transform = tfjsForIn().transform as unknown as Transform;

describe('tfjs for…in patch', () => {
  it.each(Object.entries(TFJS_FOR_IN_FILES))('rewrites all %s loops of the installed tfjs', (file, n) => {
    const path = installed(file);
    const out = transform(readFileSync(path, 'utf8'), path);
    expect(out).not.toBeNull();
    expect(out!.code).not.toMatch(/for \(const \w+ in /);
    expect(out!.code.match(/ of Object\.keys\(/g)).toHaveLength(n);
  });

  it('visits the same keys as for…in on arrays, objects and tape-like nodes', () => {
    const src = 'const out = []; for (const k in obj) { out.push([k, obj[k]]); } return out;';
    const before = new Function('obj', src) as (o: unknown) => unknown;
    const after = new Function('obj', rewriteForIn(src, 1, 'test')) as (o: unknown) => unknown;
    const samples: unknown[] = [
      [1, 'a', null],
      { x: 1, filter: 2 },
      { a: { id: 3 }, b: { id: 4 } },
      Object.assign([7, 8], { extra: 9 }),
      {},
    ];
    for (const s of samples) expect(after(s)).toEqual(before(s));
  });

  it('fails the build when tfjs has a different number of loops', () => {
    expect(() => rewriteForIn('for (const k in a) {}', 2, 'tape.js')).toThrow(
      /tape\.js has 1 for…in loops, expected 2/,
    );
  });

  it('leaves every other module alone and accepts query strings and Windows paths', () => {
    expect(transform('for (const k in a) {}', '/x/node_modules/other/dist/tape.js')).toBeNull();
    const code = 'for (const k in a) {}';
    const win = 'C:\\p\\node_modules\\@tensorflow\\tfjs-core\\dist\\tensor_util.js?v=1';
    expect(transform(code, win)!.code).toBe('for (const k of Object.keys(a)) {}');
  });
});
