// npm run bench:profile [-- --ext=DIR] [--pages=serp20,serp100,forum50] [--runs=3]
//
// Where the extension's time goes on the bench pages (test/bench/pages.ts), as a tool to look with (nothing is
// asserted, nothing written). Each page is loaded in the test Chromium with the built extension and without it
// (`--runs` traced loads each, after one warm-up), and printed:
// - the page's main thread by phase, CPU ms in the window of `npm run bench` (from DOMContentLoaded for 2.8 s),
//   with the extension, without, and the difference: script evaluation, the isolated world's creation,
//   microtasks (where the content script's promise callbacks run), timers, frames, style, layout, paint, GC;
// - the content script's rescans and row-drawing frames (test/bench/trace.ts);
// - from the V8 sampling profiler of the page's renderer during one load with the extension: the content script's
//   functions by self time (the browser's own code called from a function, such as the style a checkVisibility
//   brings up to date, counts for that function) and by total time.
// For readable names, profile an unminified build: `npx wxt build -c <a config that spreads wxt.config.ts and sets
// outDir and vite build.minify: false>`, then --ext=<its outDir>/chrome-mv3.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Protocol } from 'puppeteer';
import { auditSite, launchTestBrowser, type TestBrowser } from '../support/browser.ts';
import { createBenchProject } from './browser.ts';
import { BENCH_FORUM_ORIGIN, BENCH_QUERY, forumThreadHtml, forumThreadUrl, googleSerpHtml, googleSerpUrl } from './pages.ts';
import { median, pageMainThread, summarisePageTrace, type TraceEvent } from './trace.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = {
  serp20: { url: googleSerpUrl(20), html: googleSerpHtml(20) },
  serp100: { url: googleSerpUrl(100), html: googleSerpHtml(100) },
  forum50: { url: forumThreadUrl(50), html: forumThreadHtml(50) },
} as const;
type PageKey = keyof typeof PAGES;
const WINDOW_MS = 2800;
const SETTLE_MS = 3000;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];
/** Phases of the main thread's work worth telling apart; nested ones are summed on their own. */
const PHASES = [
  'EvaluateScript',
  'v8.compile',
  'LocalWindowProxy::Initialize',
  'ContextCreatedNotification',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'TimerFire',
  'FireAnimationFrame',
  'ProxyMain::BeginMainFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Document::UpdateStyleAndLayout',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
];

function option(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((candidate) => candidate.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page of the same site as `url`, loaded first so the profiler starts in the renderer the page will use. */
const blankOf = (url: string) => `${new URL(url).origin}/bench-blank`;

/** CPU ms per phase on the page's main thread in the window. */
function phasesOf(events: readonly TraceEvent[], url: string): Map<string, number> {
  const thread = pageMainThread(events, url);
  if (!thread) throw new Error(`No main thread for ${url} in the trace`);
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid);
  const origin = onThread.filter((event) => event.name === 'domContentLoadedEventStart').at(-1)!.ts;
  const phases = new Map<string, number>();
  for (const event of onThread) {
    if (event.ph !== 'X' || event.dur === undefined || !PHASES.includes(event.name)) continue;
    if (event.ts < origin || event.ts > origin + WINDOW_MS * 1000) continue;
    phases.set(event.name, (phases.get(event.name) ?? 0) + (event.tdur ?? event.dur) / 1000);
  }
  return phases;
}

interface Load {
  events: TraceEvent[];
  profile: Protocol.Profiler.Profile | null;
}

async function tracedLoad(browser: TestBrowser, url: string, profiled: boolean): Promise<Load> {
  const tab: Page = await browser.newTab();
  try {
    // The profiler belongs to a renderer: start it in the one the page will load in.
    await tab.goto(blankOf(url), { waitUntil: 'load' });
    const session = await tab.createCDPSession();
    if (profiled) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    await tab.tracing.start({ categories: CATEGORIES });
    if (profiled) await session.send('Profiler.start');
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await sleep(SETTLE_MS);
    const profile = profiled ? (await session.send('Profiler.stop')).profile : null;
    const buffer = await tab.tracing.stop();
    return { events: (JSON.parse(Buffer.from(buffer!).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, profile };
  } finally {
    await tab.close();
  }
}

/** Self and inclusive ms per function of the extension's scripts (`prefix`), from a V8 CPU profile. */
function functionsOf(profile: Protocol.Profiler.Profile, prefix: string) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, Protocol.Profiler.ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const nameOf = ({ callFrame }: Protocol.Profiler.ProfileNode) =>
    `${callFrame.functionName || '(anonymous)'} ${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}`;
  const isOurs = (node: Protocol.Profiler.ProfileNode) => node.callFrame.url.startsWith(prefix);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sum = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const stack: Protocol.Profiler.ProfileNode[] = [];
    for (let node = nodes.get(samples[index]!); node; node = parentOf.get(node.id)) stack.push(node);
    // The nearest script frame owns the sample (native frames, the DOM's own code, have no URL).
    const owner = stack.find((frame) => frame.callFrame.url !== '');
    if (!owner || !isOurs(owner)) continue;
    sum += ms;
    self.set(nameOf(owner), (self.get(nameOf(owner)) ?? 0) + ms);
    for (const name of new Set(stack.filter(isOurs).map(nameOf))) total.set(name, (total.get(name) ?? 0) + ms);
  }
  return { self, total, sum };
}

const top = (map: ReadonlyMap<string, number>, count: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    .join('\n');

async function main(): Promise<void> {
  const extensionDir = path.resolve(option('ext', path.join(here, '../../.output/chrome-mv3')));
  const keys = option('pages', 'serp20,serp100,forum50').split(',') as PageKey[];
  const runs = Number(option('runs', '3'));
  const pages = new Map<string, string>();
  for (const key of keys) {
    pages.set(PAGES[key].url, PAGES[key].html);
    pages.set(blankOf(PAGES[key].url), '<!doctype html><title>blank</title>');
  }
  const withExtension = await launchTestBrowser({ pages, extensionDir });
  const baseline = await launchTestBrowser({ pages });
  try {
    await createBenchProject(await withExtension.extensionPage('manifest.json'), [BENCH_QUERY]);
    await auditSite(withExtension, BENCH_FORUM_ORIGIN);
    const prefix = `chrome-extension://${withExtension.extensionId}/`;
    console.log(`load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}; extension ${extensionDir}`);
    for (const key of keys) {
      const { url } = PAGES[key];
      for (const browser of [baseline, withExtension]) await tracedLoad(browser, url, false);
      const withLoads: Load[] = [];
      const withoutLoads: Load[] = [];
      for (let run = 0; run < runs; run++) {
        withLoads.push(await tracedLoad(withExtension, url, run === 0));
        withoutLoads.push(await tracedLoad(baseline, url, false));
      }
      const phaseMedians = (loads: Load[]) => {
        const all = loads.map((load) => phasesOf(load.events, url));
        return new Map(PHASES.map((phase) => [phase, median(all.map((phases) => phases.get(phase) ?? 0)) ?? 0]));
      };
      const withPhases = phaseMedians(withLoads);
      const withoutPhases = phaseMedians(withoutLoads);
      console.log(`\n== ${key}: main thread by phase, CPU ms in the window (medians of ${runs}): with / without / difference`);
      for (const phase of [...PHASES].sort((a, b) => withPhases.get(b)! - withoutPhases.get(b)! - (withPhases.get(a)! - withoutPhases.get(a)!))) {
        const [withMs, withoutMs] = [withPhases.get(phase)!, withoutPhases.get(phase)!];
        if (withMs === 0 && withoutMs === 0) continue;
        console.log(`  ${phase.padEnd(44)} ${withMs.toFixed(1).padStart(7)} ${withoutMs.toFixed(1).padStart(7)} ${(withMs - withoutMs).toFixed(1).padStart(7)}`);
      }
      const summaries = withLoads.map((load) => summarisePageTrace(load.events, { pageUrl: url, windowMs: WINDOW_MS, scriptUrlPrefix: prefix }));
      const scans = summaries.flatMap((summary) => summary.timerTasks.map((task) => task.cpuMs));
      const frames = summaries.flatMap((summary) => summary.frameTasks.map((task) => task.cpuMs));
      console.log(`rescans: ${scans.length / runs} a load, median ${median(scans)?.toFixed(1) ?? '-'} ms CPU; row frames: ${frames.length / runs} a load, median ${median(frames)?.toFixed(1) ?? '-'} ms CPU`);
      const sampled = functionsOf(withLoads[0]!.profile!, prefix);
      console.log(`content script functions, one load, ${sampled.sum.toFixed(1)} ms sampled; self:`);
      console.log(top(sampled.self, 20));
      console.log('total:');
      console.log(top(sampled.total, 20));
    }
  } finally {
    await Promise.all([withExtension.close(), baseline.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
