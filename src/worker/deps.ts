// Wires the engine to the real world: tfjs backends (backends.ts), the AWD model (trainer, teacher
// loader, teacher training, loss-case evaluator) and the float64 core's cascade. The worker entry and
// the main-thread fallback share it; tests inject fakes instead.
import type { BackendChoice } from '../protocol/config.ts';
import { wavefunH0 } from '../core/index.ts';
import { loadTeacherFromArtifacts } from '../model/teacher/loadLayersModel.ts';
import type { Teacher } from '../model/teacher/types.ts';
import { registerSecondOrderGradients } from '../model/grads/register.ts';
import { clearSelectorCache } from '../model/transform/selectors.ts';
import { clearValidityCache } from '../model/loss/validity.ts';
import { AwdTrainer } from '../model/train/trainer.ts';
import { onCpuBackend, selectBackend } from './backends.ts';
import { probeAwdStep } from './benchmark.ts';
import { displayPeriods } from './reporter.ts';
import { evaluateLab } from './evaluateLab.ts';
import { evaluateLossCaseAsync } from './lossCaseAsync.ts';
import { sweepLab } from './sweepLab.ts';
import { inspectTeacher } from './teacherCheck.ts';
import { trainTeacherJob } from './teacherTraining.ts';
import type { EngineDeps } from './types.ts';
import { createYield } from './yield.ts';

export function workerDeps(): EngineDeps<Teacher> {
  const now = () => performance.now();
  const loadTeacher = (a: { modelJson: object; weightData: ArrayBuffer[] }) =>
    loadTeacherFromArtifacts(a.modelJson, a.weightData);
  const createTrainer: EngineDeps<Teacher>['createTrainer'] = (o) => new AwdTrainer(o);
  return {
    now,
    yieldToEvents: createYield(),
    selectBackend: (choice: BackendChoice) =>
      selectBackend(choice, {
        probe: async (_backend, budgetMs, sync) =>
          probeAwdStep(
            {
              loadTeacher: (a) => (sync ? loadTeacher(a) : onCpuBackend(() => loadTeacher(a))),
              createTrainer,
              now,
            },
            budgetMs,
          ),
        // Gradient registrations are global; (re)applying them after every switch keeps ours on top.
        afterSet: registerSecondOrderGradients,
        beforeSet: () => {
          clearSelectorCache();
          clearValidityCache();
        },
        now,
      }),
    loadTeacher,
    inspectTeacher: (a, inputShape, target) => inspectTeacher(a, inputShape, target, loadTeacher),
    trainTeacher: trainTeacherJob,
    onHost: onCpuBackend,
    createTrainer,
    wavefun: (h0, level) => wavefunH0(h0, level),
    evaluateLossCase: evaluateLossCaseAsync,
    evaluateLab: async (job) => evaluateLab(job),
    resetModelCaches: () => {
      clearSelectorCache();
      clearValidityCache();
    },
    sweepLab,
    ...displayPeriods(globalThis.navigator?.hardwareConcurrency),
  };
}
