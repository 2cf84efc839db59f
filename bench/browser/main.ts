// The benchmark page: window.__awdBench.run(plan) runs the float64 core's wavedec2 on this (main)
// thread, then each backend in a fresh training worker (a fresh worker per backend: a WebGPU worker
// cannot make a WebGL context afterwards, see src/worker/backends.ts), and answers plain data.
// Teachers are built here from the seeded specs on the cpu backend and sent as model.json + weights,
// exactly what an upload sends.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildSeededTeacher, teacherToArtifacts } from '../../src/model/teacher/index.ts';
import type { TeacherArtifacts } from '../../src/protocol/messages.ts';
import { benchWavedec2 } from '../wavedec2.ts';
import { WORKLOADS, workloadData } from '../workload.ts';
import { runCase, type CaseInput } from './cases.ts';
import { Session } from './session.ts';
import type { PagePlan, PageResult } from './types.ts';

const logEl = document.getElementById('log');
function log(line: string): void {
  console.log(`[bench] ${line}`);
  if (logEl) logEl.textContent += `${line}\n`;
}

function artifacts(id: keyof typeof WORKLOADS): TeacherArtifacts {
  const w = WORKLOADS[id];
  const teacher = buildSeededTeacher(w.arch, w.teacherSeed);
  try {
    const a = teacherToArtifacts(teacher);
    return { modelJson: a.modelJson, weightData: [a.weightData] };
  } finally {
    teacher.dispose();
  }
}

async function run(plan: PagePlan): Promise<PageResult> {
  const out: PageResult = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    training: [],
    latency: [],
  };
  if (plan.wavedec2) {
    // Let page start-up settle first: V8 compiles the just-loaded TF.js chunks on background threads,
    // which on 2 cores would be timed as part of wavedec2.
    await new Promise((r) => setTimeout(r, 2000));
    out.wavedec2 = benchWavedec2();
    log(`wavedec2 1024² db5 L4: ${out.wavedec2.ms.toFixed(1)} ms (median)`);
  }
  await tf.setBackend('cpu');
  const inputs: CaseInput[] = plan.workloads.map((id) => ({
    workload: WORKLOADS[id],
    data: workloadData(WORKLOADS[id]),
    teacher: artifacts(id),
  }));
  for (const backend of plan.backends) {
    const s = new Session();
    try {
      for (const input of inputs) {
        const trials = plan.latencyBackend === backend ? plan.latencyTrials : 0;
        const { result, latency } = await runCase(s, backend, input, trials);
        out.training.push(result);
        if (latency) out.latency.push(latency);
        const sps = result.throughput?.stepsPerSecond;
        log(
          `${backend} ${input.workload.id}: ${result.status}` +
            (sps !== undefined ? ` ${sps.toFixed(1)} steps/s` : '') +
            (result.error ? ` — ${result.error}` : ''),
        );
        if (latency)
          log(
            `${backend} ${input.workload.id} latency: progress ${latency.progress.median.toFixed(0)} ms, ` +
              `snapshot ${latency.snapshot.median.toFixed(0)} ms (median of ${latency.trials})`,
          );
        // A backend that cannot train here fails the same way for every workload: note it and move on.
        if (result.status === 'verify-only') {
          for (const rest of inputs.slice(inputs.indexOf(input) + 1))
            out.training.push({ ...result, workload: rest.workload.id });
          break;
        }
      }
    } finally {
      s.dispose();
    }
  }
  return out;
}

declare global {
  interface Window {
    __awdBench: { run(plan: PagePlan): Promise<PageResult> };
  }
}
window.__awdBench = { run };
log('ready');
