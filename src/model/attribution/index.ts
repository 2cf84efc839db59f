export { assertTeacherFits, igAlphas, targetSum, teacherInputGrads, trimAttributions } from './trim.ts';
export type { ResidualGradient, TrimOptions } from './trim.ts';
export { stopGradient } from './stopGradient.ts';
