import { describe, expect, it } from 'vitest';
import {
  expediteDraws,
  redrawGap,
  scheduleDraw,
  setDrawHooks,
  setDrawShare,
} from '../../../src/ui/plot/scheduler.ts';

describe('redrawGap', () => {
  it('gives each drawing plot an equal part of the drawing share', () => {
    // 7 plots at 15 ms each on half the main thread: 15·7/0.5 = 210 ms apart, 7·15/210 = 50 % busy
    expect(redrawGap(15, 7, 0.5, 0)).toBeCloseTo(210);
    // a fifth of the main thread: 525 ms apart
    expect(redrawGap(15, 7, 0.2, 0)).toBeCloseTo(525);
    const busy = (share: number) => (7 * 15) / redrawGap(15, 7, share, 0);
    expect(busy(0.2)).toBeCloseTo(0.2);
  });
  it('counts a lone plot as two, keeps the plot minimum, and caps the gap at one second', () => {
    expect(redrawGap(10, 1, 0.5, 0)).toBeCloseTo(40);
    expect(redrawGap(1, 3, 0.5, 200)).toBe(200);
    expect(redrawGap(400, 12, 0.2, 200)).toBe(1000);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const busy = (ms: number) => {
  const t = performance.now();
  while (performance.now() - t < ms);
};

/** A plot whose draws cost 20 ms each; `drawn` lists the jobs that ran. */
function costlyPlot() {
  const drawn: number[] = [];
  const job = (n: number) => () => {
    busy(20);
    drawn.push(n);
  };
  return { key: {}, drawn, job };
}

describe('scheduleDraw', () => {
  it('spaces a costly plot by the budget, and expediteDraws lets the waiting draw go at once', async () => {
    setDrawShare(0.05); // a 20 ms draw then waits 20·2/0.05 = 800 ms
    const { key, drawn, job } = costlyPlot();
    scheduleDraw(key, job(1), 0);
    await sleep(60);
    expect(drawn).toEqual([1]);
    scheduleDraw(key, job(2), 0);
    await sleep(150);
    expect(drawn).toEqual([1]); // waiting on the budget
    expediteDraws();
    await sleep(60);
    expect(drawn).toEqual([1, 2]);
    scheduleDraw(key, job(3), 0); // still inside the window: no budget gap
    await sleep(60);
    expect(drawn).toEqual([1, 2, 3]);
    setDrawShare(0.5);
  });
  it('an urgent draw skips the waiting gap of its own plot only', async () => {
    expediteDraws(0); // end the previous test's expedite window
    setDrawShare(0.05);
    const { key, drawn, job } = costlyPlot();
    scheduleDraw(key, job(1), 0);
    await sleep(60);
    scheduleDraw(key, job(2), 0);
    await sleep(100);
    expect(drawn).toEqual([1]); // waiting on the budget (≈ 800 ms)
    scheduleDraw(key, job(3), 0, true);
    await sleep(60);
    expect(drawn).toEqual([1, 3]); // the newest job, at once
    scheduleDraw(key, job(4), 0);
    await sleep(100);
    expect(drawn).toEqual([1, 3]); // the next ordinary draw waits again
    setDrawShare(0.5);
  });
  it('plots drawn back to back are one pause of training: before each draw, after once the queue is empty', async () => {
    const calls: string[] = [];
    setDrawHooks({
      before: (first) => void calls.push(first ? 'pause' : 'renew'),
      after: () => void calls.push('after'),
    });
    const plots = [costlyPlot(), costlyPlot(), costlyPlot()];
    plots.forEach((p, i) => scheduleDraw(p.key, () => (calls.push(`draw ${i}`), p.job(i)()), 0));
    await sleep(150);
    expect(calls).toEqual(['pause', 'draw 0', 'renew', 'draw 1', 'renew', 'draw 2', 'after']);
    // A lone draw later is a pause of its own.
    calls.length = 0;
    scheduleDraw(plots[0]!.key, plots[0]!.job(9), 0, true);
    await sleep(60);
    expect(calls).toEqual(['pause', 'after']);
    setDrawHooks(null);
  });
  it('the first draw of a pause waits until the worker says it has paused', async () => {
    let answer = () => {};
    const calls: string[] = [];
    setDrawHooks({
      before: (first) => {
        calls.push(first ? 'pause' : 'renew');
        return first ? new Promise<void>((r) => (answer = r)) : undefined;
      },
      after: () => void calls.push('after'),
    });
    const a = costlyPlot();
    const b = costlyPlot();
    scheduleDraw(a.key, a.job(1), 0, true);
    await sleep(60);
    scheduleDraw(b.key, b.job(2), 0, true); // queued while waiting: same pause
    await sleep(60);
    expect(a.drawn.concat(b.drawn)).toEqual([]);
    answer();
    await sleep(100);
    expect(a.drawn.concat(b.drawn)).toEqual([1, 2]);
    expect(calls).toEqual(['pause', 'renew', 'after']);
    setDrawHooks(null);
  });
});
