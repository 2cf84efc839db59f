// AWD training in the real Worker on every backend, WebGPU (SwiftShader, requested explicitly) first:
// awd_fit.json's 20 full-batch Adam steps from its h0 must land on awave's h0_final (and on the cpu
// worker's) within TOL.awdFit, with the loss falling step by step. The worker trains with asynchronous
// reads only (never a synchronous WebGPU read); after WebGPU, the same worker must still be able to
// switch to WebGL — one stray synchronous read used to break that. Also logs ms/step
// in the worker per backend and checks that `auto` times WebGPU like the others.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TOL } from '../unit/tolerances.ts';
import { fitCaseConfig, fitCaseData, maxAbsDiff, type AwdFitCase } from '../unit/model/train/fitCase.ts';
import { DIST_DIR, noErrors, REFERENCE_DIR, startLab, type Lab } from './harness.ts';

const FIT = (JSON.parse(readFileSync(join(REFERENCE_DIR, 'awd_fit.json'), 'utf8')) as AwdFitCase[])[0]!;
const TIMED_STEPS = 30;

interface RunResult {
  ready: {
    backend: string;
    requested: string;
    reason: string;
    tried: { backend: string; ok: boolean; msPerStep?: number }[];
  };
  h0: number[];
  totals: number[];
  gammas: number[];
  msPerStep: number;
  errors: string[];
  after?: { ready: { backend: string; reason: string }; totals: number[] };
}

/**
 * Runs in the page (kept as source text: tsx would inject helpers into a serialised function). One
 * fresh module Worker from the built bundle; init → step n → snapshot at step n → timed steps.
 */
const RUN = `async function run(a) {
  const w = new Worker(a.workerUrl, { type: 'module' });
  const events = [];
  let wake = () => {};
  w.onmessage = (e) => { events.push(e.data); wake(); };
  w.onerror = (e) => { events.push({ type: 'error', code: 'worker', message: String(e.message), recoverable: false }); wake(); };
  const waitFor = (pred, from) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout: ' + JSON.stringify(events.slice(from).map((e) => e.type === 'error' ? e : e.type)))), 240000);
    const check = () => {
      const hit = events.slice(from).find(pred);
      const err = events.slice(from).find((e) => e.type === 'error');
      if (hit || err) { clearTimeout(timer); wake = () => {}; err && !hit ? reject(new Error(JSON.stringify(err))) : resolve(hit); }
    };
    wake = check;
    check();
  });
  const records = (from) => events.slice(from).filter((e) => e.type === 'progress').flatMap((e) => e.records);
  try {
    const teacher = { modelJson: a.modelJson, weightData: [new Uint8Array(a.weights).buffer] };
    w.postMessage({ type: 'init', config: { ...a.config, backend: a.backend }, data: { x: new Float32Array(a.x), shape: a.shape }, teacher });
    const ready = await waitFor((e) => e.type === 'ready', 0);
    await waitFor((e) => e.type === 'snapshot', 0);
    let from = events.length;
    w.postMessage({ type: 'step', n: a.steps });
    const snap = await waitFor((e) => e.type === 'snapshot' && e.step === a.steps, from);
    await waitFor((e) => e.type === 'progress' && e.step === a.steps, from); // (may follow the snapshot)
    const recs = records(from);
    from = events.length;
    const t0 = performance.now();
    w.postMessage({ type: 'step', n: a.timed });
    await waitFor((e) => e.type === 'snapshot' && e.step === a.steps + a.timed, from);
    const msPerStep = (performance.now() - t0) / a.timed;
    const out = { ready, h0: Array.from(snap.h0), totals: recs.map((r) => r.total), gammas: recs.map((r) => r.gamma), msPerStep,
      errors: events.filter((e) => e.type === 'error' || e.type === 'warning').map((e) => JSON.stringify(e)) };
    if (a.thenBackend) {
      from = events.length;
      w.postMessage({ type: 'setBackend', backend: a.thenBackend });
      const r2 = await waitFor((e) => e.type === 'ready', from);
      await waitFor((e) => e.type === 'snapshot', from);
      const f2 = events.length;
      w.postMessage({ type: 'step', n: 3 });
      await waitFor((e) => e.type === 'progress' && e.step === a.steps + a.timed + 3, f2);
      out.after = { ready: r2, totals: records(f2).map((r) => r.total) };
    }
    return out;
  } finally {
    w.terminate();
  }
}`;

let lab: Lab;
let workerUrl: string;
const teacherJson = JSON.parse(readFileSync(join(REFERENCE_DIR, FIT.teacher), 'utf8')) as object;
const teacherBin = [...readFileSync(join(REFERENCE_DIR, FIT.teacher.replace('.json', '.weights.bin')))];

before(async () => {
  lab = await startLab();
  const worker = readdirSync(join(DIST_DIR, 'assets')).find((f) => /^awd\.worker-.*\.js$/.test(f));
  assert.ok(worker, 'no awd.worker-*.js in dist/assets: run `vite build` first');
  workerUrl = `${lab.url}assets/${worker}`;
});
after(async () => lab?.close());

async function trainIn(backend: string, thenBackend?: string): Promise<RunResult> {
  const page = await lab.newPage('verify.html');
  try {
    const { x, shape } = fitCaseData(FIT);
    const args = {
      workerUrl,
      backend,
      thenBackend,
      config: fitCaseConfig(FIT),
      x: Array.from(x),
      shape,
      modelJson: teacherJson,
      weights: teacherBin,
      steps: FIT.steps,
      timed: TIMED_STEPS,
    };
    return (await page.evaluate(`(${RUN})(${JSON.stringify(args)})`)) as RunResult;
  } finally {
    await page.close();
  }
}

function checkFit(backend: string, r: RunResult, cpu: RunResult | null): void {
  assert.deepEqual(r.errors, [], `${backend}: errors/warnings in the worker`);
  assert.equal(
    r.ready.backend,
    backend,
    `${backend}: the worker runs ${r.ready.backend} (${r.ready.reason})`,
  );
  assert.doesNotMatch(r.ready.reason, /fell back/);
  assert.equal(r.totals.length, FIT.steps);
  assert.ok(
    r.gammas.every((g) => g === FIT.weights.l1attr),
    `${backend}: γ was ${r.gammas.join(',')}`,
  );
  for (let s = 1; s < r.totals.length; s++)
    assert.ok(
      r.totals[s]! < r.totals[s - 1]!,
      `${backend}: loss rose at step ${s + 1}: ${r.totals.join(', ')}`,
    );
  r.totals.forEach((t, s) =>
    assert.ok(
      Math.abs(t - FIT.history[s]!) <= TOL.awdRel * FIT.history[s]!,
      `${backend} step ${s + 1}: total ${t}, awave ${FIT.history[s]}`,
    ),
  );
  const vsAwave = maxAbsDiff(r.h0, FIT.h0_final);
  assert.ok(vsAwave <= TOL.awdFit, `${backend}: max |h0 − awave h0_final| = ${vsAwave}`);
  const vsCpu = cpu ? maxAbsDiff(r.h0, cpu.h0) : 0;
  assert.ok(vsCpu <= TOL.awdFit, `${backend}: max |h0 − cpu worker h0| = ${vsCpu}`);
  // The losses were computed on this backend (float32 kernels differ in the last bits).
  const lossVsCpu = cpu
    ? Math.max(...r.totals.map((t, s) => Math.abs(t - cpu.totals[s]!) / cpu.totals[s]!))
    : 0;
  console.log(
    `  ${backend}: ${FIT.steps} steps, loss ${r.totals[0]!.toFixed(4)} → ${r.totals.at(-1)!.toFixed(4)}; ` +
      `|h0 − awave| ${vsAwave.toExponential(2)}, |h0 − cpu| ${vsCpu.toExponential(2)} (float32 h0), ` +
      `loss vs cpu ${lossVsCpu.toExponential(1)} rel; ` +
      `${r.msPerStep.toFixed(1)} ms/step in the worker (probe ${r.ready.tried.at(-1)?.msPerStep?.toFixed(1)} ms)`,
  );
}

test(`the worker trains awd_fit (${FIT.id}) on webgpu, webgl, wasm and cpu to awave's h0_final`, async () => {
  const cpu = await trainIn('cpu');
  checkFit('cpu', cpu, null);
  // WebGPU first in its worker, then WebGL in the same worker (a WebGL context after WebGPU work).
  const gpu = await trainIn('webgpu', 'webgl');
  checkFit('webgpu', gpu, cpu);
  assert.equal(gpu.after?.ready.backend, 'webgl', `after webgpu: ${gpu.after?.ready.reason}`);
  assert.ok(gpu.after.totals.length === 3 && gpu.after.totals.every(Number.isFinite));
  checkFit('webgl', await trainIn('webgl'), cpu);
  checkFit('wasm', await trainIn('wasm'), cpu);
  // tfjs warns once per worker when WebGPU is read synchronously: it must never happen (TRIAL_ORDER in
  // src/worker/backends.ts says what such a read breaks).
  assert.deepEqual(
    lab.log.filter((l) => /synchronously reading data from GPU/.test(l)),
    [],
  );
  assert.equal(noErrors(lab), '');
});

test('auto times webgpu like every other backend and keeps the fastest', async () => {
  const r = await trainIn('auto');
  assert.deepEqual(r.errors, []);
  const gpu = r.ready.tried.find((t) => t.backend === 'webgpu');
  assert.ok(gpu?.ok && gpu.msPerStep! > 0, `webgpu trial: ${JSON.stringify(gpu)}`);
  const ok = r.ready.tried.filter((t) => t.ok);
  assert.equal(ok.length, 4, r.ready.reason);
  const best = Math.min(...ok.map((t) => t.msPerStep!));
  assert.equal(ok.find((t) => t.msPerStep === best)!.backend, r.ready.backend, r.ready.reason);
  console.log(`  auto: ${r.ready.reason}`);
  assert.equal(noErrors(lab), '');
});
