// Renders bench results as the generated part of docs/BENCHMARKS.md (between the markers; anything
// outside them — the hand-written Notes — is kept).
import type { MachineFacts } from './machine.ts';
import type { LatencyResult } from './browser/types.ts';
import type { Throughput } from './stats.ts';
import type { BenchResult } from './wavedec2.ts';
import { WORKLOADS, type WorkloadId } from './workload.ts';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';
export const WAVEDEC2_TARGET_MS = 50;
export const LATENCY_TARGET_MS = 100;

export interface TrainRow {
  place: 'Node' | 'Chromium worker';
  workload: WorkloadId;
  backend: string;
  status: 'measured' | 'verify-only' | 'failed' | 'skipped';
  throughput?: Throughput;
  /** Chromium: snapshots per second while timing. */
  snapshotsPerSecond?: number;
  note?: string;
}

export interface BenchResults {
  machine: MachineFacts;
  wavedec2: { node?: BenchResult; chromium?: BenchResult; errors: string[] };
  training: TrainRow[];
  /** Node: the kernel self-check per backend ('ok' or the first mismatch; see bench/node/kernelCheck.ts). */
  kernelCheck: Record<string, string>;
  latency: LatencyResult[];
  /** Anything that went wrong outside a single row (a browser that did not start, console errors). */
  errors: string[];
  durationS: number;
}

const f1 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(1));
const f0 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(0));
const pass = (ok: boolean) => (ok ? '✅ pass' : '❌ fail');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function machine(m: MachineFacts, checks: Record<string, string>): string[] {
  const check = Object.entries(checks)
    .map(([b, v]) => `${b} ${v}`)
    .join('; ');
  return [
    '## Machine',
    '',
    '| fact | value |',
    '|---|---|',
    `| date | ${m.date} |`,
    `| CPU | ${m.cpuModel} |`,
    `| nproc | ${m.nproc} |`,
    `| load average 1/5/15 min — start | ${m.loadStart.join(' / ')} |`,
    `| load average 1/5/15 min — end | ${m.loadEnd?.join(' / ') ?? '—'} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${m.chromium ?? '—'} |`,
    `| TF.js (tfjs-core) | ${m.tfjs} |`,
    `| Node kernel self-check (matMul, gather, slice vs plain JS) | ${check || '—'} |`,
    '',
  ];
}

function wavedec2(r: BenchResults['wavedec2']): string[] {
  const row = (where: string, b: BenchResult | undefined) =>
    b
      ? `| ${where} | ${f1(b.ms)} | ${f1(b.minMs)}–${f1(b.maxMs)} | ${b.runs} (+${b.warmup} warm-up) | ≤ ${WAVEDEC2_TARGET_MS} | ${pass(b.ms <= WAVEDEC2_TARGET_MS)} |`
      : `| ${where} | not run | | | ≤ ${WAVEDEC2_TARGET_MS} | |`;
  return [
    '## 1. wavedec2 — 1024×1024 map, db5, level 4, mode symmetric (float64 core)',
    '',
    '| where | median ms | min–max ms | runs | target ms | result |',
    '|---|---|---|---|---|---|',
    row('Node', r.node),
    row('Chromium (page, main thread)', r.chromium),
    ...r.errors.map((e) => `\n> ${cell(e)}`),
    '',
  ];
}

function training(rows: TrainRow[]): string[] {
  const out = ['## 2. AWD training throughput (steps/s, higher is better)', ''];
  for (const id of ['1d', '2d'] as WorkloadId[]) {
    const w = WORKLOADS[id];
    const mine = rows.filter((r) => r.workload === id);
    if (!mine.length) continue;
    out.push(
      `### ${w.title}`,
      '',
      `awave (PyTorch) ≈ ${w.awaveStepsPerSecond} steps/s; target ≥ ${w.targetStepsPerSecond} steps/s (2×).`,
      '',
      '| where | backend | steps/s (median of 3) | windows min–max | ms/step | vs awave | target | result | notes |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of mine) {
      const t = r.throughput;
      const ok = t ? t.stepsPerSecond >= w.targetStepsPerSecond : false;
      const snaps = r.snapshotsPerSecond !== undefined ? `${f1(r.snapshotsPerSecond)} snapshots/s` : '';
      const note = [snaps, r.note ?? ''].filter(Boolean).join('; ');
      out.push(
        t
          ? `| ${r.place} | ${r.backend} | **${f1(t.stepsPerSecond)}** | ${f1(t.min)}–${f1(t.max)} | ${f1(t.msPerStep)} | ${(t.stepsPerSecond / w.awaveStepsPerSecond).toFixed(2)}× | ≥ ${w.targetStepsPerSecond} | ${pass(ok)} | ${cell(note)} |`
          : `| ${r.place} | ${r.backend} | ${r.status} | | | | ≥ ${w.targetStepsPerSecond} | — | ${cell(note)} |`,
      );
    }
    const best = (place: TrainRow['place']) =>
      mine
        .filter((r) => r.place === place && r.throughput)
        .sort((a, b) => b.throughput!.stepsPerSecond - a.throughput!.stepsPerSecond)[0];
    const verdicts = (['Node', 'Chromium worker'] as const).map((p) => {
      const b = best(p);
      if (!b) return `${p}: not measured`;
      const sps = b.throughput!.stepsPerSecond;
      return `${p} best ${b.backend} ${f1(sps)} steps/s ${pass(sps >= w.targetStepsPerSecond)}`;
    });
    out.push('', `**Verdict:** ${verdicts.join('; ')}.`, '');
  }
  return out;
}

function latency(rows: LatencyResult[]): string[] {
  if (!rows.length) return [];
  const out = [
    '## 3. Slider latency while training (Chromium worker)',
    '',
    '| workload | backend | trials | setWeights → first progress with the new γ: median (min–max) ms | → first snapshot of a new-γ step: median (min–max) ms | target | result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const l of rows) {
    const ok = l.progress.median <= LATENCY_TARGET_MS && l.snapshot.median <= LATENCY_TARGET_MS;
    const err = l.error ? ` (${cell(l.error)})` : '';
    out.push(
      `| ${l.workload} | ${l.backend} | ${l.trials}${err} | ${f0(l.progress.median)} (${f0(l.progress.min)}–${f0(l.progress.max)}) | ${f0(l.snapshot.median)} (${f0(l.snapshot.min)}–${f0(l.snapshot.max)}) | ≤ ${LATENCY_TARGET_MS} (median) | ${pass(ok)} |`,
    );
  }
  return [...out, ''];
}

const MEANING = [
  '## What the numbers mean',
  '',
  '- **wavedec2**: one `wavedec2(x, "db5", "symmetric", 4)` call of the float64 core on a fixed',
  '  pseudo-random 1024×1024 map; median of 15 calls after 5 warm-up calls. Chromium runs the same',
  '  `src/core` code on the page’s main thread.',
  '- **steps/s**: warm-up (≥ 3 steps and ≥ 1 s, at most 4 s), then 3 windows, each closed at ≥ 40',
  '  steps and ≥ 1 s, or at 3 s; the median window is reported, with the other two as min–max.',
  '  - *Node*: `AwdTrainer.step()` in a loop (what `awd fit` runs): the loss graph and its gradient,',
  '    the synchronous readback of the 8 terms + total and of d total/d h0, float64 torch-exact Adam,',
  '    and awave’s wavelet distance every 10 steps. TF.js loaded as the CLI loads it (bin/awd.mjs).',
  '  - *Chromium worker*: the real training worker (src/worker/awd.worker.ts, spawned by',
  '    src/app/workerClient.ts) driven through the protocol: `init` with the backend forced, `play`,',
  '    steps counted from `progress` events on arrival in the page. Includes everything the UI gets:',
  '    progress records (~every 125 ms) and snapshots (~every 100 ms: cascade ψ/φ, the selected',
  '    sample’s bands, attributions and reconstruction, decimated and transferred).',
  '  - *snapshots/s*: the worker spaces snapshots ≥ 100 ms apart and ≥ 4× what the last one cost,',
  '    so slow backends send few or none within the timing windows.',
  '  - Teachers are seeded (`buildSeededTeacher`, sent to the worker as model.json + weights via',
  '    `teacherToArtifacts`) and **untrained**: speed does not depend on the weights.',
  '  - *verify-only*: the worker can run the reference checks on that backend but refuses to train',
  '    on it; the reason is the worker’s own.',
  '- **slider latency**: while training, `setWeights {gamma}` is sent (what the γ slider does) at',
  '  staggered times; measured on arrival in the page until (a) the first `progress` event whose',
  '  records carry the new γ and (b) the first `snapshot` of a step taken with it.',
  '- awave’s ≈ 28 / ≈ 6 steps/s were measured by the issue’s author with PyTorch on the same kind of',
  '  2-core machine; “vs awave” is our steps/s divided by those.',
  '- These machines are shared: compare the load average above with `nproc` before trusting a number.',
  '',
  '## Re-run',
  '',
  '```sh',
  'npm run bench                          # everything (≈ 3–5 min), rewrites this section and bench/results.json',
  'npm run bench -- --only node           # Node only (or --only browser)',
  'npm run bench -- --backends wasm,cpu   # a subset of backends',
  'npm run bench -- --no-write            # print, do not write files',
  'npm run bench -- --render              # rewrite this section from bench/results.json, no measuring',
  '```',
  '',
];

export function renderSection(r: BenchResults): string {
  return [
    START,
    '',
    `_Generated by \`npm run bench\` (bench/run.ts) in ${f0(r.durationS)} s. Do not edit between the bench markers; notes go below them._`,
    '',
    ...machine(r.machine, r.kernelCheck),
    ...wavedec2(r.wavedec2),
    ...training(r.training),
    ...latency(r.latency),
    ...(r.errors.length
      ? ['## Problems seen while benchmarking', '', ...r.errors.map((e) => `- ${cell(e)}`), '']
      : []),
    ...MEANING,
    END,
  ].join('\n');
}

/** Replaces the generated section of `doc` (or builds a new document around it). */
export function mergeDoc(doc: string | null, section: string): string {
  if (doc && doc.includes(START) && doc.includes(END))
    return doc.slice(0, doc.indexOf(START)) + section + doc.slice(doc.indexOf(END) + END.length);
  return `# Benchmarks\n\n${section}\n\n## Notes\n\n(Hand-written; \`npm run bench\` keeps this section.)\n`;
}
