// Draw scheduling for every plot on the page. Plotly.react is synchronous main-thread work, and a dozen
// plots redrawn in one React commit would be one long task; instead each plot queues its latest figure
// here and the pump draws them one per task, at background priority where the browser supports it
// (scheduler.postTask), so input and the worker's messages always go first. Each plot redraws at most
// every `minIntervalMs`, and never more often than its own measured cost allows (all drawing plots
// together use at most a set share of the main thread; see redrawGap): drawing never takes it over. Newer
// figures replace queued ones, so a slow moment never builds a backlog.

type Job = () => void;

interface Entry {
  job: Job;
  last: number;
  minIntervalMs: number;
  /** Moving average of this plot's draw time (ms). */
  cost: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** A plot redraws at least once a second while its data changes, however slow it is. */
const MAX_INTERVAL_MS = 1000;

/** Plots that drew in the last 3 s (plots out of view stop drawing, so they do not count). */
function activePlots(): number {
  const now = performance.now();
  let active = 0;
  for (const e of entries.values()) if (now - e.last < 3000) active++;
  return active;
}
/** The share of the main thread all drawing plots together may use (see setDrawShare). */
let drawShare = 0.5;
/**
 * Sets that share (0.05–1). On a small machine every redraw also competes with the worker for a core
 * and leaves garbage for the next GC pause, so main.tsx lowers it there.
 */
export function setDrawShare(share: number): void {
  drawShare = Math.min(1, Math.max(0.05, share));
}

/**
 * The least time between two draws of one plot: each of the `active` drawing plots gets 1/active of
 * the drawing share (counted as at least 2 plots), so a plot that costs `costMs` waits costMs·active/share;
 * never less than the plot's own minimum, and capped so that even on a starved CPU a plot stays live.
 */
export function redrawGap(costMs: number, active: number, share: number, minIntervalMs: number): number {
  return Math.max(minIntervalMs, Math.min(MAX_INTERVAL_MS, (costMs * Math.max(2, active)) / share));
}
const entries = new Map<object, Entry>();
const ready: object[] = [];
let pumping = false;

interface PostTask {
  postTask(cb: () => void, o: { priority: 'background' | 'user-visible' }): Promise<unknown>;
}
const sched = (globalThis as unknown as { scheduler?: PostTask }).scheduler;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function post(): void {
  if (pumping) return;
  pumping = true;
  if (sched?.postTask) void sched.postTask(pump, { priority: 'background' });
  else if (channel) channel.port2.postMessage(null);
  else setTimeout(pump, 0);
}

/**
 * Told around drawing: the lab pauses training meanwhile on small machines (see main.tsx). `before`
 * comes before every draw; `first` starts a pause, and a promise it returns (the worker saying it has
 * paused) is awaited before drawing — a 2-D step can outlast several draws. `after` comes once the
 * queue is empty, so plots drawn back to back (one snapshot updates them all) are one pause: releasing
 * between them let the worker start a step that then ran beside the next draw (the two long draws in
 * 20 probe windows, 66 and 83 ms, each came right after another draw; with one pause: 1 in 45 windows).
 */
interface DrawHooks {
  before(first: boolean): Promise<void> | void;
  after(): void;
}
/** A pause is in force (or asked for); `asking`: drawing waits for its answer. */
let holding = false;
let asking = false;
let answered = false;
let hooks: DrawHooks | null = null;
export function setDrawHooks(h: DrawHooks | null): void {
  hooks = h;
}

/** Draws one plot, then yields (one Plotly.react per task keeps each task as short as one draw). */
function pump(): void {
  pumping = false;
  if (asking) return; // the answer posts the pump again
  if (hooks && ready.length) {
    if (!holding) {
      holding = true;
      const paused = hooks.before(true);
      if (paused) {
        asking = true;
        void paused.then(() => {
          asking = false;
          answered = true;
          post();
        });
        return;
      }
    } else if (answered)
      answered = false; // the pause was just confirmed
    else hooks.before(false);
  }
  const key = ready.shift();
  const e = key && entries.get(key);
  if (e) {
    const t0 = performance.now();
    try {
      e.job();
    } finally {
      release();
    }
    const t1 = performance.now();
    e.cost = e.cost === 0 ? t1 - t0 : 0.7 * e.cost + 0.3 * (t1 - t0);
    e.last = t1;
  }
  if (ready.length) post();
  else release();
}
/** Ends a pause once nothing is queued (a draw still waiting for its task keeps the worker held). */
function release(): void {
  if (!holding || ready.length) return;
  holding = false;
  answered = false;
  hooks?.after();
}
if (channel) channel.port1.onmessage = pump;

/**
 * Queues `job` as the next draw of `key`; replaces a draw of `key` that has not run yet. `urgent` (the
 * user changed this plot, e.g. hid a trace) skips the plot's redraw gap for this one draw.
 */
export function scheduleDraw(key: object, job: Job, minIntervalMs = 200, urgent = false): void {
  let e = entries.get(key);
  if (!e) {
    e = { job, last: -Infinity, minIntervalMs, cost: 0, timer: null };
    entries.set(key, e);
  }
  e.job = job;
  e.minIntervalMs = minIntervalMs;
  if (urgent && e.timer) {
    clearTimeout(e.timer);
    e.timer = null;
  }
  if (ready.includes(key) || e.timer) return;
  if (urgent) {
    ready.push(key);
    post();
  } else queue(key, e);
}

/** Queues `key` now, or after its redraw gap (just its own minimum while draws are expedited). */
function queue(key: object, e: Entry): void {
  const now = performance.now();
  const gap =
    now < expediteUntil ? e.minIntervalMs : redrawGap(e.cost, activePlots(), drawShare, e.minIntervalMs);
  const wait = e.last + gap - now;
  if (wait > 0) {
    const entry = e;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      ready.push(key);
      post();
    }, wait);
    return;
  }
  ready.push(key);
  post();
}

let expediteUntil = 0;
/**
 * For the next `ms`, plots redraw as fast as their own minimum allows, ignoring the shared budget:
 * called when the user moves λ or γ, so the plots answer within a few hundred ms even where the
 * budget spaces redraws half a second apart. Draws already waiting on their gap are re-timed.
 */
export function expediteDraws(ms = 1000): void {
  expediteUntil = performance.now() + ms;
  for (const [key, e] of entries)
    if (e.timer) {
      clearTimeout(e.timer);
      e.timer = null;
      queue(key, e);
    }
}

export function cancelDraws(key: object): void {
  const e = entries.get(key);
  if (e?.timer) clearTimeout(e.timer);
  entries.delete(key);
  const i = ready.indexOf(key);
  if (i >= 0) ready.splice(i, 1);
  release();
}
