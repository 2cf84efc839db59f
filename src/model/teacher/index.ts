// The teacher layer: second-order-safe forwards for frozen networks (loaded, seeded or trained).
export type { Teacher } from './types.ts';
export { loadTeacherFromArtifacts } from './loadLayersModel.ts';
export { teacherToArtifacts } from './artifacts.ts';
export type { TeacherArtifacts } from './artifacts.ts';
export { buildSeededTeacher, teacherSpec } from './build.ts';
export type { Cnn1dArch, Cnn2dArch, LstmArch, Mlp1dArch, TeacherArch } from './build.ts';
export { trainTeacher } from './train.ts';
export type { EpochLog, HeldOutMetric, TrainedTeacher, TrainTeacherOptions } from './train.ts';
export { secondOrderProbe } from './probe.ts';
export { SUPPORTED_LAYERS } from './layers/index.ts';
export { ACTIVATION_NAMES } from './activations.ts';
export { registerSecondOrderGradients } from '../grads/register.ts';
