// Reads a Chromium performance trace (the JSON puppeteer's page.tracing writes) and sums the work on the page's
// renderer main thread. Pure: no browser, so test/bench/trace.test.ts checks it on small hand-made traces.

/** The fields of a Trace Event Format record this module reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (microseconds), where the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A top-level task of the main thread, in ms relative to the page's DOMContentLoaded start. */
export interface MainThreadTask {
  startMs: number;
  durationMs: number;
  /**
   * The CPU time the main thread spent in it (its duration where the trace has no thread times): on a busy
   * machine a task's wall time grows with the other processes' load, its CPU time much less.
   */
  cpuMs: number;
}

export interface PageTraceSummary {
  /** Top-level main-thread tasks that start inside the window [DOMContentLoaded start, + windowMs]. */
  tasks: MainThreadTask[];
  busyMs: number;
  /** The CPU time of those tasks. */
  cpuMs: number;
  /**
   * The tasks of the window that ran a timer callback of the extension's script (`scriptUrlPrefix`): the content
   * script's scans, which it runs from a timer (the first one, after its start-up message, included when it is
   * run so); empty without a prefix.
   */
  timerTasks: MainThreadTask[];
  /** The tasks of the window that ran an animation-frame callback of the extension's script: frames laying out its rows. */
  frameTasks: MainThreadTask[];
  /** When the extension's content script started evaluating (ms after DOMContentLoaded), null when it never did. */
  contentScriptStartMs: number | null;
  contentScriptEvaluateMs: number | null;
}

export const LONG_TASK_MS = 50;

/** Trace timestamps are microseconds. */
const ms = (microseconds: number): number => microseconds / 1000;

function dataOf(event: TraceEvent): Record<string, unknown> | undefined {
  const data = event.args?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

/** The main thread of the renderer that loaded `pageUrl`: where blink marked that document's navigation start. */
export function pageMainThread(events: readonly TraceEvent[], pageUrl: string): { pid: number; tid: number } | null {
  const start = events.filter((event) => event.name === 'navigationStart' && dataOf(event)?.documentLoaderURL === pageUrl).at(-1);
  return start ? { pid: start.pid, tid: start.tid } : null;
}

/**
 * What ran on the page's main thread from its DOMContentLoaded for `windowMs`: the top-level scheduler tasks
 * (`ThreadControllerImpl::RunTask`; a task nested in another, e.g. in a nested run loop, is part of its
 * parent), and where the extension's content script (`scriptUrlPrefix`) was evaluated.
 */
export function summarisePageTrace(
  events: readonly TraceEvent[],
  options: { pageUrl: string; windowMs: number; scriptUrlPrefix?: string },
): PageTraceSummary {
  const thread = pageMainThread(events, options.pageUrl);
  if (!thread) throw new Error(`The trace has no renderer main thread for ${options.pageUrl}`);
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid);
  // A trace holds one navigation in a fresh tab; the tab's initial about:blank fires an earlier DOMContentLoaded.
  const domContentLoaded = onThread.filter((event) => event.name === 'domContentLoadedEventStart').at(-1);
  if (!domContentLoaded) throw new Error(`The trace has no DOMContentLoaded for ${options.pageUrl}`);
  const origin = domContentLoaded.ts;

  const tasks: MainThreadTask[] = [];
  let coveredUntil = -Infinity;
  const runTasks = onThread
    .filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  for (const task of runTasks) {
    if (task.ts < coveredUntil) continue;
    coveredUntil = task.ts + task.dur!;
    const startMs = ms(task.ts - origin);
    if (startMs >= 0 && startMs <= options.windowMs) tasks.push({ startMs, durationMs: ms(task.dur!), cpuMs: ms(task.tdur ?? task.dur!) });
  }

  const prefix = options.scriptUrlPrefix;
  const calls = onThread.filter((event) => event.name === 'FunctionCall' && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const isOurs = (call: TraceEvent) => prefix !== undefined && String(dataOf(call)?.url ?? '').startsWith(prefix);
  /**
   * Window tasks holding an event named `callbackEvent` whose callback is the extension's: the first function
   * called in it is the extension's script (a call of ours after the page's own callback is our mutation
   * observer, run at the end of the page's task).
   */
  const tasksRunning = (callbackEvent: string): MainThreadTask[] => {
    const callbacks = onThread.filter((event) => event.name === callbackEvent && event.ph === 'X' && event.dur !== undefined);
    const starts = new Set<number>();
    for (const callback of callbacks) {
      const first = calls.find((call) => call.ts >= callback.ts && call.ts + (call.dur ?? 0) <= callback.ts + callback.dur!);
      if (!first || !isOurs(first)) continue;
      const task = tasks.find((candidate) => {
        const from = origin + candidate.startMs * 1000;
        return callback.ts >= from && callback.ts <= from + candidate.durationMs * 1000;
      });
      if (task) starts.add(task.startMs);
    }
    return tasks.filter((task) => starts.has(task.startMs));
  };
  const evaluation = prefix
    ? onThread.find((event) => event.name === 'EvaluateScript' && String(dataOf(event)?.url ?? '').startsWith(prefix))
    : undefined;
  return {
    tasks,
    busyMs: busyOf(tasks),
    cpuMs: cpuOf(tasks),
    timerTasks: tasksRunning('TimerFire'),
    frameTasks: tasksRunning('FireAnimationFrame'),
    contentScriptStartMs: evaluation ? ms(evaluation.ts - origin) : null,
    contentScriptEvaluateMs: evaluation?.dur === undefined ? null : ms(evaluation.dur),
  };
}

const busyOf = (tasks: readonly MainThreadTask[]): number => tasks.reduce((sum, task) => sum + task.durationMs, 0);
const cpuOf = (tasks: readonly MainThreadTask[]): number => tasks.reduce((sum, task) => sum + task.cpuMs, 0);

/** Main-thread time (wall and CPU) of the window's tasks that start in [fromMs, toMs). */
export function busyBetween(summary: PageTraceSummary, fromMs: number, toMs: number): { busyMs: number; cpuMs: number } {
  const tasks = summary.tasks.filter((task) => task.startMs >= fromMs && task.startMs < toMs);
  return { busyMs: busyOf(tasks), cpuMs: cpuOf(tasks) };
}

/**
 * Long tasks (50 ms or more: issue #10 counts one of exactly 50 ms too) that end after `fromMs`: the task
 * running at `fromMs` (the one that evaluates the content script, when that is where it starts) counts as well as
 * those after it.
 */
export function longTasksFrom(summary: PageTraceSummary, fromMs: number): number {
  return summary.tasks.filter((task) => task.startMs + task.durationMs > fromMs && task.durationMs >= LONG_TASK_MS).length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
