// Benchmark: wavedec2 of a 1024×1024 map, db5, level 4, mode symmetric (the core's speed budget is
// ≤ 50 ms). `npx tsx bench/wavedec2.ts` prints the result as JSON; bench/run.ts also runs it in
// Node and in a Chromium page, so this file imports nothing from Node (global `performance`).
import { wavedec2 } from '../src/core/index.ts';
import type { Array2D } from '../src/core/index.ts';

export interface BenchResult {
  /** Median wall time of one wavedec2 call, ms. */
  ms: number;
  minMs: number;
  maxMs: number;
  runs: number;
  warmup: number;
  shape: [number, number];
  wavelet: string;
  level: number;
  mode: string;
}

/** Time wavedec2(1024×1024, 'db5', 'symmetric', 4): median of `runs` calls after `warmup` calls. */
export function benchWavedec2(runs = 15, warmup = 5, size = 1024): BenchResult {
  const data = new Float64Array(size * size);
  let s = 12345;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0; // deterministic LCG map, no Math.random
    data[i] = s / 2 ** 32 - 0.5;
  }
  const x: Array2D = { rows: size, cols: size, data };
  let sink = 0;
  const once = (): number => {
    const t0 = performance.now();
    const c = wavedec2(x, 'db5', 'symmetric', 4);
    const t = performance.now() - t0;
    sink += c[0].data[0]!; // keep the result live
    return t;
  };
  for (let i = 0; i < warmup; i++) once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  if (!Number.isFinite(sink)) throw new Error('benchWavedec2: non-finite result');
  return {
    ms: times[Math.floor(runs / 2)]!,
    minMs: times[0]!,
    maxMs: times[runs - 1]!,
    runs,
    warmup,
    shape: [size, size],
    wavelet: 'db5',
    level: 4,
    mode: 'symmetric',
  };
}

if (typeof process !== 'undefined' && /bench[\\/]wavedec2\.ts$/.test(process.argv[1] ?? '')) {
  console.log(JSON.stringify(benchWavedec2()));
}
