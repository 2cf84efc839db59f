// Backend selection as the engine reports it: a `ready` event on success, an error event (naming the
// choice) on failure. Split out of engine.ts to keep it under the size cap.
import type { BackendChoice } from '../protocol/config.ts';
import type { WorkerEvent } from '../protocol/messages.ts';
import type { BackendReport, EngineDeps, TeacherLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The new backend's report, or null (after an error event) when none could be set. */
export async function selectAndReport<T extends TeacherLike>(
  deps: EngineDeps<T>,
  choice: BackendChoice,
  post: (ev: WorkerEvent) => void,
): Promise<BackendReport | null> {
  let report: BackendReport;
  try {
    report = await deps.selectBackend(choice);
  } catch (e) {
    post({ type: 'error', code: 'backend', message: `backend ${choice}: ${errText(e)}`, recoverable: false });
    return null;
  }
  const { backend, requested, reason, tried, canTrain } = report;
  post({ type: 'ready', backend, requested, reason, tried, canTrain });
  return report;
}
