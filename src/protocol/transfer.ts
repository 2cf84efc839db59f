// Which buffers of a message to transfer (zero-copy) rather than structured-clone. A buffer may be
// listed once only, so shared buffers are de-duplicated.
import type { Command, WorkerEvent } from './messages.ts';

function collect(out: Set<ArrayBuffer>, v: unknown): void {
  if (ArrayBuffer.isView(v)) {
    if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  } else if (v instanceof ArrayBuffer) out.add(v);
  else if (Array.isArray(v)) for (const x of v) collect(out, x);
}

/** The transferable buffers of an event (snapshot arrays, trained weights) or a command (data, weights). */
export function transferList(msg: WorkerEvent | Command): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  switch (msg.type) {
    case 'snapshot':
      for (const k of ['h0', 'g', 'phi', 'psi', 'wavefunX', 'coeffs', 'attributions', 'x', 'recon'] as const)
        collect(out, msg[k]);
      break;
    case 'init':
      collect(out, msg.data.x);
      collect(out, msg.teacher.weightData);
      break;
    case 'runReferenceCases':
      for (const t of Object.values(msg.teachers)) collect(out, t.weightData);
      break;
    case 'trainTeacher':
      collect(out, msg.data.x);
      collect(out, msg.y);
      break;
    case 'checkTeacher':
      collect(out, msg.teacher.weightData);
      break;
    case 'evaluate':
    case 'sweep':
      for (const k of ['x', 'y', 'groups', 'train', 'val', 'test'] as const) collect(out, msg.data[k]);
      break;
    case 'teacherTrained':
      collect(out, msg.artifacts.weightData);
      break;
    default:
      break; // small messages: cloning is cheaper than bookkeeping
  }
  return [...out];
}
