// One backend's AWD training throughput in Node (run as a child process by bench/run.ts, one process per
// backend so a hung or crashed backend cannot take the others down):
//   node --import tsx bench/node/train.ts <backend> [1d,2d]
// prints one line `BENCH_RESULT {...}`. A step here is AwdTrainer.step(): graph, gradient, the two
// synchronous readbacks (terms + gradient), float64 Adam, and the every-10-steps wavelet distance —
// what `awd fit` runs. No snapshots (there is no UI in Node).
import { performance } from 'node:perf_hooks';
import { WindowMeter, type Throughput } from '../stats.ts';
import { WORKLOADS, workloadData, type WorkloadId } from '../workload.ts';
import { loadNodeTf } from './tf.ts';

export interface NodeCaseResult {
  workload: WorkloadId;
  backend: string;
  ok: boolean;
  error?: string;
  throughput?: Throughput;
  /** Trainer construction (teacher input gradients, selector constants), ms. */
  setupMs?: number;
}

export interface NodeTrainResult {
  backend: string;
  tfjs: string;
  /** 'ok' or the first mismatch of the kernel self-check (guards the wasm kernel shims). */
  kernelCheck: string;
  cases: NodeCaseResult[];
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function main(): Promise<void> {
  const backend = process.argv[2] ?? 'wasm';
  const ids = (process.argv[3] ?? '1d,2d').split(',') as WorkloadId[];
  const tf = await loadNodeTf();
  const out: NodeTrainResult = { backend, tfjs: tf.version, kernelCheck: 'not run', cases: [] };
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) {
    for (const id of ids)
      out.cases.push({ workload: id, backend, ok: false, error: `setBackend('${backend}') failed` });
    console.log(`BENCH_RESULT ${JSON.stringify(out)}`);
    return;
  }
  // After the tf setup above (see tf.ts): these modules import tfjs-core.
  const { registerSecondOrderGradients, buildSeededTeacher } =
    await import('../../src/model/teacher/index.ts');
  const { AwdTrainer } = await import('../../src/model/train/trainer.ts');
  const { clearSelectorCache } = await import('../../src/model/transform/selectors.ts');
  const { ensureFastWasmKernels } = await import('../../src/model/transform/wasmKernels.ts');
  const { checkKernels } = await import('./kernelCheck.ts');
  registerSecondOrderGradients();
  ensureFastWasmKernels(); // what the transforms do on their first bind; checked before it is timed
  out.kernelCheck = checkKernels(await import('@tensorflow/tfjs-core')) ?? 'ok';
  for (const id of ids) {
    const w = WORKLOADS[id];
    const x = workloadData(w);
    const teacher = buildSeededTeacher(w.arch, w.teacherSeed);
    let trainer: InstanceType<typeof AwdTrainer> | null = null;
    try {
      const t0 = performance.now();
      trainer = new AwdTrainer({ x, shape: w.shape, teacher, config: w.config });
      const setupMs = performance.now() - t0;
      const meter = new WindowMeter(performance.now());
      const deadline = performance.now() + 60_000;
      for (;;) {
        const r = trainer.step();
        if (!Number.isFinite(r.total)) throw new Error(`step ${r.step}: loss ${r.total}`);
        if (meter.add(1, performance.now())) break;
        if (performance.now() > deadline) throw new Error('did not finish the timing windows in 60 s');
      }
      out.cases.push({ workload: id, backend, ok: true, throughput: meter.result(), setupMs });
    } catch (e) {
      out.cases.push({ workload: id, backend, ok: false, error: errText(e) });
    } finally {
      trainer?.dispose();
      teacher.dispose();
      clearSelectorCache();
    }
  }
  console.log(`BENCH_RESULT ${JSON.stringify(out)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
