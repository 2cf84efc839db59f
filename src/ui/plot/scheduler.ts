// Draw scheduling for every plot on the page. Plotly.react is synchronous work on the main thread, and a
// dozen plots redrawn in one React commit would be one long task; instead each plot queues its latest
// figure here and the pump draws them one after another in separate macrotasks, stopping a batch after
// a few milliseconds. Each plot redraws at most every `minIntervalMs` (≈6 Hz): newer figures replace
// older queued ones, so a slow frame never builds a backlog.

type Job = () => void;

interface Entry {
  job: Job;
  last: number;
  minIntervalMs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const BUDGET_MS = 8;
const entries = new Map<object, Entry>();
const ready: object[] = [];
let pumping = false;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function post(): void {
  if (pumping) return;
  pumping = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(pump, 0);
}

function pump(): void {
  pumping = false;
  const t0 = performance.now();
  while (ready.length) {
    const key = ready.shift()!;
    const e = entries.get(key);
    if (!e) continue;
    const job = e.job;
    e.last = performance.now();
    job();
    if (performance.now() - t0 > BUDGET_MS) break;
  }
  if (ready.length) post();
}
if (channel) channel.port1.onmessage = pump;

/** Queues `job` as the next draw of `key`; replaces a draw of `key` that has not run yet. */
export function scheduleDraw(key: object, job: Job, minIntervalMs = 160): void {
  let e = entries.get(key);
  if (!e) {
    e = { job, last: -Infinity, minIntervalMs, timer: null };
    entries.set(key, e);
  }
  e.job = job;
  e.minIntervalMs = minIntervalMs;
  if (ready.includes(key) || e.timer) return;
  const wait = e.last + e.minIntervalMs - performance.now();
  if (wait > 0) {
    e.timer = setTimeout(() => {
      e.timer = null;
      ready.push(key);
      post();
    }, wait);
    return;
  }
  ready.push(key);
  post();
}

export function cancelDraws(key: object): void {
  const e = entries.get(key);
  if (e?.timer) clearTimeout(e.timer);
  entries.delete(key);
  const i = ready.indexOf(key);
  if (i >= 0) ready.splice(i, 1);
}
