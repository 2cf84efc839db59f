// λ/γ entry: a log-scale slider (0, then 1e-5 … 10 at ten steps per decade) plus a typed box for any
// value ≥ 0. The slider is a native range input, so arrows/PageUp/Home/End work and it is announced as a
// slider; aria-valuetext says the real value, not the position.
import { useId, useState } from 'react';

const MIN_EXP = -5;
const MAX_EXP = 1;
const PER_DECADE = 10;
export const LOG_STEPS = (MAX_EXP - MIN_EXP) * PER_DECADE + 1; // positions 1..LOG_STEPS; 0 means 0

export function positionToValue(p: number): number {
  if (p <= 0) return 0;
  return Number((10 ** (MIN_EXP + (p - 1) / PER_DECADE)).toPrecision(3));
}

export function valueToPosition(v: number): number {
  if (!(v > 0)) return 0;
  const p = Math.round((Math.log10(v) - MIN_EXP) * PER_DECADE) + 1;
  return Math.min(LOG_STEPS, Math.max(1, p));
}

export function formatWeight(v: number): string {
  if (v === 0) return '0';
  return v >= 0.01 && v < 1000 ? String(Number(v.toPrecision(3))) : v.toExponential(1);
}

export function LogSlider(props: {
  label: string;
  symbol: string;
  value: number;
  onChange: (v: number) => void;
  hint: string;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && v >= 0) props.onChange(v);
    setText(null);
  };
  return (
    <div className="log-slider">
      <label htmlFor={id}>
        {props.symbol} {props.label} <output aria-live="off">{formatWeight(props.value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={LOG_STEPS}
        step={1}
        value={valueToPosition(props.value)}
        aria-valuetext={`${props.label} ${formatWeight(props.value)}`}
        title={props.hint}
        onChange={(e) => props.onChange(positionToValue(Number(e.currentTarget.value)))}
      />
      <input
        type="text"
        inputMode="decimal"
        className="log-slider-entry"
        aria-label={`${props.label} value`}
        value={text ?? formatWeight(props.value)}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
      />
    </div>
  );
}
