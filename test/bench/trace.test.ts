import { describe, expect, it } from 'vitest';
import { busyBetween, longTasksFrom, median, pageMainThread, summarisePageTrace, type TraceEvent } from './trace';

const PAGE = 'https://www.google.com/search?q=acme';
const EXTENSION = 'chrome-extension://abc/';
const RENDERER = 7;
const MAIN = 70;

/** Times in the builders are ms; the trace format counts microseconds. */
const at = (ms: number) => ms * 1000;
const task = (startMs: number, durationMs: number, pid = RENDERER, tid = MAIN, cpuMs?: number): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  ts: at(startMs),
  dur: at(durationMs),
  ...(cpuMs === undefined ? {} : { tdur: at(cpuMs) }),
  pid,
  tid,
});

function traceOf(...events: TraceEvent[]): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', ts: 0, pid: RENDERER, tid: MAIN, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: RENDERER, tid: 71, args: { name: 'Compositor' } },
    // The tab's about:blank, before the navigation commits.
    { name: 'domContentLoadedEventStart', ph: 'R', ts: at(5), pid: RENDERER, tid: MAIN },
    { name: 'navigationStart', ph: 'R', ts: at(0), pid: RENDERER, tid: MAIN, args: { data: { documentLoaderURL: PAGE } } },
    { name: 'domContentLoadedEventStart', ph: 'R', ts: at(1000), pid: RENDERER, tid: MAIN },
    ...events,
  ];
}

describe('page trace summary', () => {
  it('finds the main thread that loaded the page', () => {
    expect(pageMainThread(traceOf(), PAGE)).toEqual({ pid: RENDERER, tid: MAIN });
    expect(pageMainThread(traceOf(), 'https://other.example/')).toBeNull();
  });

  it('sums top-level tasks inside the window after the page’s own DOMContentLoaded, once each', () => {
    const summary = summarisePageTrace(
      traceOf(
        task(500, 40), // before DOMContentLoaded: the page's parsing, not counted
        task(1010, 20, RENDERER, MAIN, 12),
        task(1015, 5), // nested in the previous task: part of it
        task(1100, 60),
        task(1200, 7, RENDERER, 71), // another thread
        task(1200, 9, 8, MAIN), // another process
        task(3500, 30), // after the window
      ),
      { pageUrl: PAGE, windowMs: 2000 },
    );
    expect(summary.tasks).toEqual([
      { startMs: 10, durationMs: 20, cpuMs: 12 },
      { startMs: 100, durationMs: 60, cpuMs: 60 },
    ]);
    expect(summary.busyMs).toBe(80);
    expect(summary.cpuMs).toBe(72);
    expect(summary.contentScriptStartMs).toBeNull();
  });

  it('places the content script and counts long tasks from its start', () => {
    const summary = summarisePageTrace(
      traceOf(
        task(1010, 70),
        task(1100, 30),
        { name: 'EvaluateScript', ph: 'X', ts: at(1101), dur: at(25), pid: RENDERER, tid: MAIN, args: { data: { url: `${EXTENSION}content-scripts/serp.js` } } },
        task(1200, 51),
        task(1300, 50),
        task(1400, 49.9),
      ),
      { pageUrl: PAGE, windowMs: 2000, scriptUrlPrefix: EXTENSION },
    );
    expect(summary.contentScriptStartMs).toBe(101);
    expect(summary.contentScriptEvaluateMs).toBe(25);
    expect(longTasksFrom(summary, summary.contentScriptStartMs!)).toBe(2);
    expect(longTasksFrom(summary, 0)).toBe(3);
  });

  it('counts the long task the content script is evaluated in', () => {
    const summary = summarisePageTrace(
      traceOf(
        task(1100, 70),
        { name: 'EvaluateScript', ph: 'X', ts: at(1120), dur: at(45), pid: RENDERER, tid: MAIN, args: { data: { url: `${EXTENSION}content-scripts/forum.js` } } },
        task(1300, 20),
      ),
      { pageUrl: PAGE, windowMs: 2000, scriptUrlPrefix: EXTENSION },
    );
    expect(summary.contentScriptStartMs).toBe(120);
    expect(longTasksFrom(summary, summary.contentScriptStartMs!)).toBe(1);
  });

  it('tells the tasks that ran a timer or an animation-frame callback of the extension from the page’s own', () => {
    const call = (startMs: number, durationMs: number, url: string): TraceEvent => ({
      name: 'FunctionCall', ph: 'X', ts: at(startMs), dur: at(durationMs), pid: RENDERER, tid: MAIN, args: { data: { url } },
    });
    const callback = (name: string, startMs: number, durationMs: number): TraceEvent => ({ name, ph: 'X', ts: at(startMs), dur: at(durationMs), pid: RENDERER, tid: MAIN });
    const ours = `${EXTENSION}content-scripts/serp.js`;
    const summary = summarisePageTrace(
      traceOf(
        task(1100, 12), callback('TimerFire', 1100.5, 11), call(1101, 10, ours), // a scan
        task(1200, 6), callback('TimerFire', 1200.5, 5), call(1201, 4, PAGE), // the page's own timer
        task(1300, 9), callback('TimerFire', 1300.5, 8), call(1301, 3, PAGE), call(1305, 2, ours), // the page's timer, our observer after it
        task(1400, 20), callback('FireAnimationFrame', 1400.5, 19), call(1401, 8, ours), // drawing rows
      ),
      { pageUrl: PAGE, windowMs: 2000, scriptUrlPrefix: EXTENSION },
    );
    expect(summary.timerTasks).toEqual([{ startMs: 100, durationMs: 12, cpuMs: 12 }]);
    expect(summary.frameTasks).toEqual([{ startMs: 400, durationMs: 20, cpuMs: 20 }]);
    expect(busyBetween(summary, 150, 400)).toEqual({ busyMs: 15, cpuMs: 15 });
  });

  it('refuses a trace without the page instead of reporting zero work', () => {
    expect(() => summarisePageTrace(traceOf(), { pageUrl: 'https://other.example/', windowMs: 1000 })).toThrow(/no renderer main thread/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
