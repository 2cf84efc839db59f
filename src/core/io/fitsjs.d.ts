// The part of fitsjs (astrojs/fitsjs, CommonJS, no types) that ./fits.ts uses: its header card parser.
declare module 'fitsjs' {
  interface FitsHeader {
    get(key: string): string | number | boolean | null;
    contains(key: string): boolean;
    hasDataUnit(): boolean;
    getDataLength(): number;
    getDataType(): string | null;
  }
  const fitsjs: { astro: { FITS: { Header: new (block: string) => FitsHeader } } };
  export default fitsjs;
}
