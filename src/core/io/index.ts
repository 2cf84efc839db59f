export * from './types.ts';
export { parseDelimited, type DelimitedOptions } from './delimited.ts';
export { parseNpy } from './npy.ts';
export { parseJsonArray } from './json.ts';
export { detectFormat, parseArrayFile, type ArrayFormat } from './parseArray.ts';
