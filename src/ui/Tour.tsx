// The first-visit hints: one line each for the four ideas the lab is about. Not a modal: it sits above
// the panels, never blocks them, and stays dismissed (localStorage) once closed.
import { useController, useLab } from './LabContext.tsx';

export const TOUR_KEY = 'awd-lab-tour-seen';

export function Tour() {
  const lab = useController();
  const open = useLab((s) => s.view.tourOpen);
  if (!open) return null;
  const close = () => {
    try {
      localStorage.setItem(TOUR_KEY, '1');
    } catch {
      /* private mode: the hint just comes back next time */
    }
    lab.store.setState((s) => ({ view: { ...s.view, tourOpen: false } }));
  };
  return (
    <aside className="tour" aria-label="How to read the lab">
      <ul>
        <li>
          <strong>Reconstruction</strong>: the wavelet must rebuild every input from its coefficients — the
          residual should stay near zero.
        </li>
        <li>
          <strong>Validity</strong>: the meters show how far the filter is from a true orthogonal wavelet; all
          near zero means it still is one.
        </li>
        <li>
          <strong>λ</strong> rewards sparse wavelet coefficients: few coefficients should describe each input.
        </li>
        <li>
          <strong>γ</strong> rewards sparse attributions: the teacher's prediction should rest on few
          coefficients (TRIM).
        </li>
      </ul>
      <button type="button" onClick={close}>
        Got it
      </button>
    </aside>
  );
}
