import type { ViewSlice } from './types.ts';

export function initialViewSlice(tourSeen: boolean): ViewSlice {
  return {
    view: { sample: 0, bandView: 'attributions', hiddenTerms: [], tourOpen: !tourSeen, previewCount: 4 },
  };
}
