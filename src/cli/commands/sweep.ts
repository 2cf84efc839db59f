// awd sweep --config SWEEP.json --out-dir DIR [--only …] [--shard K/N] [--summarize]: the config, the
// data and the run selection are checked here; ../sweep/engine.ts (tfjs) is imported only then.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs, stringOpt } from '../args.ts';
import type { CliIO, Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readJsonFile } from '../files.ts';
import { loadData, makeSplit } from '../evaluate/dataSpec.ts';
import { formatTable } from '../evaluate/format.ts';
import { planSweep, shardRuns } from '../../model/sweep/grid.ts';
import { sweepHelp } from '../sweep/help.ts';
import { parseSweepConfig } from '../sweep/spec.ts';

function readConfig(path: string): unknown {
  try {
    return readJsonFile(path);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`awd sweep: --config: ${e.message.replace(/^awd: /, '')}`);
    throw e;
  }
}

/** The run indices this process owns: --only, --shard, --summarize (none) or all. */
export function selectRuns(
  total: number,
  rows: (k: number, n: number) => number[],
  o: { only?: string; shard?: string; summarize: boolean },
): number[] {
  const given = [o.only !== undefined, o.shard !== undefined, o.summarize].filter(Boolean).length;
  if (given > 1) throw new CliError('awd sweep: give at most one of --only, --shard, --summarize');
  if (o.summarize) return [];
  if (o.only !== undefined) {
    const parts = o.only.split(',').map((s) => s.trim());
    const idx = parts.map(Number);
    const bad = parts.findIndex((s, i) => !/^\d+$/.test(s) || idx[i]! >= total);
    if (bad >= 0)
      throw new CliError(`awd sweep: --only: '${parts[bad]}' is not a run index in 0–${total - 1}`);
    return idx;
  }
  if (o.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(o.shard.trim());
    const k = m ? Number(m[1]) : NaN;
    const n = m ? Number(m[2]) : NaN;
    if (!m || n < 1 || k < 1 || k > n)
      throw new CliError(`awd sweep: --shard: expected K/N with 1 ≤ K ≤ N, got '${o.shard}'`);
    return rows(k, n);
  }
  return Array.from({ length: total }, (_, i) => i);
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const p = parseCommandArgs('sweep', argv, {
    config: { type: 'string', short: 'c' },
    'out-dir': { type: 'string', short: 'o' },
    only: { type: 'string' },
    shard: { type: 'string' },
    summarize: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (p.values.help) {
    io.out(sweepHelp());
    return 0;
  }
  if (p.positionals.length > 0) throw new CliError(`awd sweep: unexpected argument '${p.positionals[0]}'`);
  const configPath = stringOpt(p, 'config');
  if (configPath === undefined)
    throw new CliError('awd sweep: missing --config SWEEP.json (see awd sweep --help)');
  const spec = parseSweepConfig(readConfig(configPath), configPath);
  const outFlag = stringOpt(p, 'out-dir');
  const outDir = outFlag !== undefined ? resolve(outFlag) : spec.outDir;
  if (outDir === null) throw new CliError('awd sweep: missing --out-dir DIR (or "out_dir" in the config)');
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new CliError(`awd sweep: --out-dir: ${outDir} is not a folder`);
  const plan = planSweep(spec.grid, spec.warmStart);
  const only = stringOpt(p, 'only');
  const shard = stringOpt(p, 'shard');
  const indices = selectRuns(plan.length, (k, n) => shardRuns(plan, k, n), {
    ...(only !== undefined ? { only } : {}),
    ...(shard !== undefined ? { shard } : {}),
    summarize: p.values.summarize === true,
  });
  const data = loadData(spec.exp.data, 'sweep');
  const split = makeSplit(data, spec.exp.split, 'sweep');
  mkdirSync(outDir, { recursive: true });
  const quiet = p.values.quiet === true;
  const log = (line: string) => {
    if (!quiet) io.err(`awd sweep: ${line}\n`);
  };
  log(
    `${plan.length} runs (${spec.grid.lambdas.length} λ × ${spec.grid.gammas.length} γ), this process: ${indices.length}; sweep_id ${spec.sweepId}`,
  );
  const { runSweepCommand } = await import('../sweep/engine.ts');
  const r = await runSweepCommand(spec, data, split, outDir, indices, log);
  const sel = r.summary.selected_run as { index: number; lambda: number; gamma: number } | null;
  log(
    r.missing.length
      ? `${r.missing.length} run(s) not in ${outDir} yet (${r.missing.slice(0, 10).join(', ')}${r.missing.length > 10 ? ', …' : ''}); summary.json is partial`
      : `complete; selected run ${sel ? `${sel.index} (λ=${sel.lambda}, γ=${sel.gamma})` : 'none'} → ${resolve(outDir, 'summary.json')}`,
  );
  if (r.table && !quiet) io.err(formatTable(r.table));
  return 0;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: "λ×γ sweep with awave's warm-started path, selection by validation metric, shardable",
  help: sweepHelp(),
  run,
};
