import { describe, expect, it } from 'vitest';
import { detectFormat, parseArrayFile } from '../../../../src/core/io/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseArrayFile', () => {
  it('picks the parser by extension, then by content', () => {
    expect(detectFormat('a.CSV', '')).toBe('csv');
    expect(detectFormat('a.npy', '')).toBe('npy');
    expect(detectFormat('noext', enc('\x93NUMPY'))).toBe('csv'); // TextEncoder writes \x93 as 2 bytes: not the magic
    expect(detectFormat('noext', Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]))).toBe('npy');
    expect(detectFormat('noext', ' [1,2]')).toBe('json');
    expect(detectFormat('noext', '1,2')).toBe('csv');
  });

  it('parses text from bytes or strings; .tsv forces tabs', () => {
    expect(parseArrayFile('x.json', enc('[[1,2],[3,4]]')).shape).toEqual([2, 2]);
    expect(parseArrayFile('x.csv', '1,2\n3,4').shape).toEqual([2, 2]);
    expect(parseArrayFile('x.tsv', enc('1\t2\n3\t4')).shape).toEqual([2, 2]);
    expect(() => parseArrayFile('x.tsv', '1,2\n3,4')).toThrow('tsv: non-numeric cell "3,4" at row 2, col 1'); // row 1 reads as a header;
    expect(() => parseArrayFile('x.npy', 'text')).toThrow('npy: needs the raw bytes');
  });
});
