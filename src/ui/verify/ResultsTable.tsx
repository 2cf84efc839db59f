// One row per (case, backend) run: each term's error relative to awave's value, the gradient's error
// relative to its norm, and the verdict. Raw numbers sit in data-* attributes for tests and tooling.
import { TERM_NAMES } from '../../protocol/messages.ts';
import type { ReferenceCaseResult } from '../../protocol/reference.ts';

const fmt = (v: number): string => (Number.isFinite(v) ? v.toExponential(1) : String(v));
const COLUMNS = [...TERM_NAMES, 'total'] as const;

export function ResultsTable({
  results,
  tol,
}: {
  results: ReferenceCaseResult[];
  tol: { rel: number; gradRel: number };
}) {
  if (!results.length) return null;
  return (
    <table className="results" data-testid="results">
      <thead>
        <tr>
          <th>case</th>
          <th>backend</th>
          {COLUMNS.map((c) => (
            <th key={c}>{c}</th>
          ))}
          <th>grad h0</th>
          <th>worst</th>
          <th>ms</th>
          <th>result</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, i) => (
          <tr
            key={i}
            data-testid="result-row"
            data-case={r.id}
            data-backend={r.backend}
            data-pass={String(r.pass)}
            data-ms={r.ms.toFixed(0)}
          >
            <td>{r.id}</td>
            <td>{r.backend}</td>
            {r.error ? (
              <td colSpan={COLUMNS.length + 3} className="fail" data-testid="case-error">
                {r.error}
              </td>
            ) : (
              <>
                {COLUMNS.map((name) => {
                  const k = r.checks.find((c) => c.name === name);
                  return (
                    <td
                      key={name}
                      data-term={name}
                      data-value={k ? String(k.relErr) : ''}
                      className={k?.pass ? 'ok' : 'fail'}
                      title={k ? `got ${k.got}, awave ${k.want}` : ''}
                    >
                      {k ? fmt(k.relErr) : '—'}
                    </td>
                  );
                })}
                <td
                  data-term="grad"
                  data-value={String(r.gradErr)}
                  className={r.gradErr <= tol.gradRel ? 'ok' : 'fail'}
                >
                  {fmt(r.gradErr)}
                </td>
                <td data-term="worst" data-value={String(r.worstRelErr)}>
                  {fmt(r.worstRelErr)}
                </td>
                <td>{r.ms.toFixed(0)}</td>
              </>
            )}
            <td className={r.pass ? 'ok' : 'fail'}>
              <strong>{r.pass ? 'PASS' : 'FAIL'}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
