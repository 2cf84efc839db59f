import type { TeacherSlice } from './types.ts';

export function initialTeacherSlice(): TeacherSlice {
  return {
    teacher: {
      status: 'none',
      source: null,
      datasetId: null,
      options: { arch: 'mlp1d', epochs: 30 },
      history: [],
      metric: null,
      verdict: null,
      artifacts: null,
      error: null,
      note: null,
    },
  };
}
