// Small labelled form fields. Numbers commit on Enter or blur (not per keystroke), so typing "0.05"
// never sends 0, 0.0 and 0.05 to the worker as three restarts.
import { useId, useState, type ReactNode } from 'react';

export function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  onCommit: (v: number) => void;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    const ok =
      text.trim() !== '' &&
      Number.isFinite(v) &&
      (props.min === undefined || v >= props.min) &&
      (props.max === undefined || v <= props.max) &&
      (!props.integer || Number.isInteger(v));
    setBad(!ok);
    if (ok) {
      props.onCommit(v);
      setText(null);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        value={text ?? String(props.value)}
        min={props.min}
        max={props.max}
        step={props.step ?? (props.integer ? 1 : 'any')}
        aria-invalid={bad}
        title={props.hint}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </div>
  );
}

export function SelectField<T extends string | number>(props: {
  label: string;
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (v: T) => void;
  hint?: string;
}) {
  const id = useId();
  const opts = props.options.map((o) => (typeof o === 'object' ? o : { value: o, label: String(o) }));
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={String(props.value)}
        title={props.hint}
        onChange={(e) => {
          const hit = opts.find((o) => String(o.value) === e.currentTarget.value);
          if (hit) props.onChange(hit.value);
        }}
      >
        {opts.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Panel(props: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`panel ${props.className ?? ''}`}
      aria-labelledby={`${props.id}-title`}
      data-panel={props.id}
    >
      <header className="panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}
