// The table as text and Markdown: value ± SE per metric, "—" where a row has no value, escaped pipes,
// and one line per paired comparison.
import { describe, expect, it } from 'vitest';
import { comparisonLines, formatTable, markdownTable } from '../../../src/cli/evaluate/format.ts';
import type { EvaluationTable } from '../../../src/model/evaluate/types.ts';

const table: EvaluationTable = {
  dims: 2,
  targetName: 'Ω_m',
  primary: 'rmse',
  split: { train: 8, val: 2, test: 4, seed: 1 },
  bootstrap: { reps: 10, seed: 1 },
  rows: [
    {
      method: 'AWD · peak count',
      predictor: 'peak_count',
      basis: 'AWD',
      family: 'awd',
      metrics: { rmse: { value: 0.025, se: 0.0042 }, accuracy: { value: 0.5, se: 0.04 } },
      params: 7750,
      compression: { energy99: 0.198, attrAbove: 0.648 },
      msPerSample: 1.68,
      details: {},
    },
    {
      method: 'teacher · teacher',
      predictor: 'teacher',
      basis: 'teacher',
      family: 'teacher',
      metrics: { rmse: { value: 0.0351, se: 0.0023 } },
      params: null,
      compression: { energy99: null, attrAbove: null },
      msPerSample: 0.18,
      details: {},
    },
  ],
  comparisons: [{ a: 'AWD · peak count', b: 'db5 · peak count', metric: 'rmse', diff: -0.0026, se: 0.0033 }],
};

describe('evaluation table formatting', () => {
  it('text: aligned columns, metrics present in any row, missing values as —, comparisons last', () => {
    const lines = formatTable(table).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^method\s+RMSE\s+accuracy\s+params\s+energy 99%\s+\|attr\| > ε\s+ms\/sample$/);
    expect(lines[1]).toMatch(
      /^AWD · peak count\s+0\.0250 ± 0\.0042\s+0\.5000 ± 0\.0400\s+7750\s+0\.198\s+0\.648\s+1\.680$/,
    );
    expect(lines[2]).toMatch(/^teacher · teacher\s+0\.0351 ± 0\.0023\s+—\s+—\s+—\s+—\s+0\.180$/);
    expect(lines[3]).toBe('AWD · peak count − db5 · peak count: ΔRMSE = -0.0026 ± 0.0033 (paired bootstrap)');
    expect(comparisonLines(table)).toHaveLength(1);
  });

  it('Markdown: pipes in cells are escaped so every row has the header’s column count', () => {
    const md = markdownTable(table).trimEnd().split('\n');
    const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(md[0]).toContain('\\|attr\\| > ε');
    expect(new Set(md.map(cols)).size).toBe(1);
  });
});
