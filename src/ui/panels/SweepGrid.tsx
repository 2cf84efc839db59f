// The sweep grid as buttons, one per (λ, γ) cell in the heatmap's layout: clicking loads that run into
// the lab. (The Plotly heatmap shows the same values; buttons are keyboard- and screen-reader-usable.)
import type { SweepRunData } from '../../protocol/messages.ts';
import { fmt } from '../plot/figures/common.ts';

export function SweepGrid(props: {
  lambdas: readonly number[];
  gammas: readonly number[];
  runs: readonly SweepRunData[];
  selected: number | null;
  loaded: number | null;
  onLoad: (index: number) => void;
}) {
  const at = new Map(props.runs.map((r) => [`${r.row},${r.col}`, r]));
  // Rows top to bottom = largest λ first, as the heatmap draws them.
  const rows = props.lambdas.map((l, i) => ({ l, i })).reverse();
  return (
    <table className="sweep-cells" aria-label="Sweep runs: click a cell to load its filter">
      <thead>
        <tr>
          <th scope="col">λ \ γ</th>
          {props.gammas.map((g) => (
            <th scope="col" key={g}>
              {fmt(g)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ l, i }) => (
          <tr key={l}>
            <th scope="row">{fmt(l)}</th>
            {props.gammas.map((g, j) => {
              const r = at.get(`${i},${j}`);
              const v = r?.validation?.value;
              return (
                <td key={g}>
                  <button
                    type="button"
                    data-testid="sweep-cell"
                    data-index={r?.index ?? ''}
                    data-row={i}
                    data-col={j}
                    className={r && r.index === props.selected ? 'best' : undefined}
                    aria-pressed={r !== undefined && r.index === props.loaded}
                    disabled={!r}
                    title={r ? `load run ${r.index} (λ = ${fmt(l)}, γ = ${fmt(g)})` : 'not run yet'}
                    onClick={() => r && props.onLoad(r.index)}
                  >
                    {!r ? '…' : r.status === 'diverged' ? 'diverged' : v === undefined ? '—' : fmt(v, 3)}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
