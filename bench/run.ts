// `npm run bench`: wavedec2 and AWD training throughput in Node and in headless Chromium (the real
// worker, through the protocol), slider latency in Chromium; writes docs/BENCHMARKS.md (between the
// bench markers) and bench/results.json. Flags: --only node|browser, --backends a,b, --no-write,
// --render (rewrite the document from bench/results.json without measuring).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { runBrowser } from './browser/run.ts';
import type { BrowserBackend, PagePlan } from './browser/types.ts';
import { load, machineFacts } from './machine.ts';
import type { NodeTrainResult } from './node/train.ts';
import { mergeDoc, renderSection, type BenchResults, type TrainRow } from './report.ts';
import type { BenchResult } from './wavedec2.ts';
import type { WorkloadId } from './workload.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = `${ROOT}docs/BENCHMARKS.md`;
const JSON_OUT = `${ROOT}bench/results.json`;
const NODE_BACKENDS = ['wasm', 'cpu'];
const BROWSER_BACKENDS: BrowserBackend[] = ['wasm', 'webgl', 'cpu', 'webgpu'];
const WORKLOAD_IDS: WorkloadId[] = ['1d', '2d'];
const NODE_CHILD_MS = 150_000;
const BROWSER_MS = 360_000;

function args() {
  const a = process.argv.slice(2);
  const val = (k: string) => {
    const i = a.indexOf(k);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const only = val('--only');
  if (only !== undefined && only !== 'node' && only !== 'browser')
    throw new Error(`--only: expected node or browser, got ${only}`);
  const backends = val('--backends')?.split(',');
  return { only, backends, write: !a.includes('--no-write'), render: a.includes('--render') };
}

const say = (l: string) => console.log(l);

/**
 * Runs `node --import tsx <args>` from the repo root and parses its stdout (null: no result); a hang
 * is killed after NODE_CHILD_MS, so a hang or crash only costs that row.
 */
function nodeChild<R>(args: string[], label: string, parse: (stdout: string) => R | null): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), NODE_CHILD_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let result: R | null = null;
      try {
        result = parse(stdout);
      } catch {
        result = null;
      }
      if (result !== null) return resolve(result);
      const why = signal === 'SIGKILL' ? `killed after ${NODE_CHILD_MS / 1000} s` : `exit ${code}`;
      reject(new Error(`${label}: ${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/** One backend's Node training run in a child process. */
function nodeTrain(backend: string): Promise<NodeTrainResult> {
  return nodeChild(['bench/node/train.ts', backend, WORKLOAD_IDS.join(',')], `node ${backend}`, (out) => {
    const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    return line ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as NodeTrainResult) : null;
  });
}

/**
 * wavedec2 in a fresh Node process, as a user's script would run it: timed inside this process (whose
 * heap holds prettier, vite and playwright) GC made it 39–77 ms vs 28–30 ms standalone.
 */
function nodeWavedec2(): Promise<BenchResult> {
  return nodeChild(['bench/wavedec2.ts'], 'node wavedec2', (out) => {
    const last = out.trim().split('\n').at(-1);
    return last ? (JSON.parse(last) as BenchResult) : null;
  });
}

async function runNode(r: BenchResults, backends: string[]): Promise<void> {
  say('Node: wavedec2 1024² db5 level 4 (child process)…');
  try {
    r.wavedec2.node = await nodeWavedec2();
    say(`  ${r.wavedec2.node.ms.toFixed(1)} ms (median)`);
  } catch (e) {
    r.wavedec2.errors.push(`Node wavedec2: ${String(e)}`);
  }
  for (const b of backends) {
    say(`Node: training on ${b} (child process)…`);
    try {
      const res = await nodeTrain(b);
      r.kernelCheck[b] = res.kernelCheck;
      if (res.kernelCheck !== 'ok') r.errors.push(`Node ${b}: kernel self-check: ${res.kernelCheck}`);
      for (const c of res.cases) {
        const row: TrainRow = {
          place: 'Node',
          workload: c.workload,
          backend: b,
          status: c.ok ? 'measured' : 'failed',
        };
        if (c.throughput) row.throughput = c.throughput;
        if (c.error) row.note = c.error;
        r.training.push(row);
        say(
          `  ${c.workload}: ${c.ok ? `${c.throughput!.stepsPerSecond.toFixed(1)} steps/s` : `failed: ${c.error}`}`,
        );
      }
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      for (const w of WORKLOAD_IDS)
        r.training.push({ place: 'Node', workload: w, backend: b, status: 'failed', note: msg });
      say(`  failed: ${msg}`);
    }
  }
}

async function runChromium(r: BenchResults, backends: BrowserBackend[]): Promise<void> {
  const plan: PagePlan = {
    wavedec2: true,
    backends,
    workloads: WORKLOAD_IDS,
    latencyBackend: backends.includes('wasm') ? 'wasm' : (backends[0] ?? null),
    latencyTrials: 8,
  };
  say(`Chromium: wavedec2, then training on ${backends.join(', ')} in the worker…`);
  const b = await runBrowser(plan, BROWSER_MS, say);
  r.machine.chromium = b.chromium;
  if (b.error) r.errors.push(`Chromium: ${b.error}`);
  r.errors.push(...b.errors.map((e) => `Chromium ${e}`));
  const p = b.page;
  if (!p) return;
  r.machine.chromiumUserAgent = p.userAgent;
  if (p.wavedec2) r.wavedec2.chromium = p.wavedec2;
  for (const c of p.training) {
    const row: TrainRow = {
      place: 'Chromium worker',
      workload: c.workload,
      backend: c.backend,
      status: c.status,
    };
    if (c.throughput) row.throughput = c.throughput;
    if (c.snapshotsPerSecond !== undefined) row.snapshotsPerSecond = c.snapshotsPerSecond;
    const notes = [c.status === 'measured' ? '' : c.reason, c.error ?? ''].filter(Boolean);
    if (notes.length) row.note = notes.join(' — ');
    r.training.push(row);
  }
  r.latency.push(...p.latency);
}

/** Writes a generated file as the project's Prettier would (so `npm run format` leaves it alone). */
async function writePretty(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

function writeDoc(r: BenchResults): Promise<void> {
  return writePretty(DOC, mergeDoc(existsSync(DOC) ? readFileSync(DOC, 'utf8') : null, renderSection(r)));
}

async function main(): Promise<void> {
  const o = args();
  if (o.render) {
    await writeDoc(JSON.parse(readFileSync(JSON_OUT, 'utf8')) as BenchResults);
    return say('rewrote docs/BENCHMARKS.md from bench/results.json');
  }
  const t0 = Date.now();
  const r: BenchResults = {
    machine: machineFacts(),
    wavedec2: { errors: [] },
    training: [],
    kernelCheck: {},
    latency: [],
    errors: [],
    durationS: 0,
  };
  say(`load average at start: ${r.machine.loadStart.join(' ')} (nproc ${r.machine.nproc})`);
  // Chromium first: its worker numbers were the ones that moved when measured after the Node children
  // (1-D wasm 96–113 vs 155–163 steps/s on the same code), so they get the quiet machine.
  if (o.only !== 'node')
    await runChromium(
      r,
      BROWSER_BACKENDS.filter((b) => !o.backends || o.backends.includes(b)),
    );
  if (o.only !== 'browser')
    await runNode(
      r,
      NODE_BACKENDS.filter((b) => !o.backends || o.backends.includes(b)),
    );
  r.machine.loadEnd = load();
  r.durationS = (Date.now() - t0) / 1000;
  if (!o.write) return say(renderSection(r));
  await writePretty(JSON_OUT, JSON.stringify(r, null, 2));
  await writeDoc(r);
  say(`wrote docs/BENCHMARKS.md and bench/results.json in ${r.durationS.toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
