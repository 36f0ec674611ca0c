// The measurements taken in Chromium with the built extension installed. Every figure is timed as close to
// what the user sees as the browser allows: inside the page (performance.now) or from a trace of the page's
// renderer main thread, never by the round trip of a DevTools command.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Protocol } from 'puppeteer';
import { centreOf, devtoolsOf, enabledTagButton, type TestBrowser } from '../support/browser.ts';
import { expectAllOk, sendFromExtensionPage, type MessageSender } from './browser.ts';
import { busyBetween, longTasksFrom, summarisePageTrace, type MainThreadTask, type TraceEvent } from './trace.ts';

/** Top-level tasks, script evaluation, and the navigation marks; nothing more, so tracing itself costs little. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One traced load of a result page in one browser (with or without the extension). */
export interface PageLoadRun {
  /** Main-thread time of the top-level tasks in the window after DOMContentLoaded, and the CPU time in them. */
  busyMs: number;
  cpuMs: number;
  /** Long tasks in that window from the content script's start on (from DOMContentLoaded without the extension). */
  longTasks: number;
  contentScriptStartMs: number | null;
  contentScriptEvaluateMs: number | null;
  /** Items whose tag row was drawn (the background had answered for them) when the trace stopped. */
  labelledItems: number;
  items: number;
  /** Main-thread time (and CPU time) of the tasks that start in the late part of the window, [lateFromMs, windowMs]. */
  lateBusyMs: number;
  lateCpuMs: number;
  /** DOM changes the page's own script made in the window (test/bench/pages.ts logs them), and in its late part. */
  pageMutations: number;
  latePageMutations: number;
  /** Tasks in the window that ran a timer callback of the content script (its rescans), or an animation-frame one (frames laying out its rows). */
  scanTasks: MainThreadTask[];
  frameTasks: MainThreadTask[];
}

/**
 * Loads `url` in a fresh tab with tracing on, leaves the page alone for `settleMs` after DOMContentLoaded (no
 * script of ours runs in it: polling from DevTools would itself be main-thread work), then reads the trace.
 */
export async function traceResultPageLoad(
  browser: TestBrowser,
  url: string,
  options: { settleMs: number; windowMs: number; lateFromMs: number },
): Promise<PageLoadRun> {
  const tab = await browser.newTab();
  try {
    await tab.tracing.start({ categories: TRACE_CATEGORIES });
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await sleep(options.settleMs);
    const buffer = await tab.tracing.stop();
    if (!buffer) throw new Error('Tracing returned no data');
    const events = (JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const summary = summarisePageTrace(events, {
      pageUrl: url,
      windowMs: options.windowMs,
      scriptUrlPrefix: browser.extensionId ? `chrome-extension://${browser.extensionId}/` : undefined,
    });
    // A row is put into the page with its first drawing, once the background has answered for its item.
    const { items, labelledItems } = await tab.$$eval('[data-rl-item]', (elements) => ({
      items: elements.length,
      labelledItems: elements.filter((element) => element.querySelector(':scope > rl-tags') !== null).length,
    }));
    // The page's log is in ms since its navigation started; the window starts at its DOMContentLoaded.
    const changes = (await tab.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const log = (window as unknown as { __benchMutations?: { at: number }[] }).__benchMutations ?? [];
      return log.map((change) => change.at - (navigation?.domContentLoadedEventStart ?? 0));
    })) as number[];
    const inWindow = (from: number) => changes.filter((at) => at >= from && at <= options.windowMs).length;
    const late = busyBetween(summary, options.lateFromMs, options.windowMs + 1e-9);
    return {
      busyMs: summary.busyMs,
      cpuMs: summary.cpuMs,
      lateBusyMs: late.busyMs,
      lateCpuMs: late.cpuMs,
      pageMutations: inWindow(0),
      latePageMutations: inWindow(options.lateFromMs),
      scanTasks: summary.timerTasks,
      frameTasks: summary.frameTasks,
      longTasks: longTasksFrom(summary, summary.contentScriptStartMs ?? 0),
      contentScriptStartMs: summary.contentScriptStartMs,
      contentScriptEvaluateMs: summary.contentScriptEvaluateMs,
      labelledItems,
      items,
    };
  } finally {
    await tab.close();
  }
}

async function waitUntilLabelled(page: Page, expectedItems: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const items = [...document.querySelectorAll('[data-rl-item]')];
      return items.length >= count && items.every((item) => item.querySelector(':scope > rl-tags') !== null);
    },
    { timeout: 60_000, polling: 100 },
    expectedItems,
  );
}

/**
 * Click-to-acknowledge: for each rank, the time from a real mouse click on its "positive" button (a script-made
 * click does nothing) until its `aria-pressed` turns "true", which the content script does only after the
 * background has written the mark. The button is in a closed shadow root, so both ends are seen from here
 * through DevTools: from just before the click is sent until DevTools reports the attribute's change, which adds
 * one message each way over the pipe (well under a millisecond) to what the user waits.
 */
export async function measureClickToAck(browser: TestBrowser, url: string, ranks: number): Promise<number[]> {
  const tab = await browser.newTab();
  try {
    await tab.goto(url, { waitUntil: 'load' });
    await waitUntilLabelled(tab, ranks);
    const devtools = await devtoolsOf(tab);
    const samples: number[] = [];
    for (let rank = 1; rank <= ranks; rank++) {
      // Read right before the click: DevTools reports changes of the nodes of its latest reading of the page.
      const button = await enabledTagButton(tab, `[data-rl-rank="${rank}"]`, 'positive');
      const { x, y } = await centreOf(tab, button.backendNodeId);
      const acknowledged = new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`Rank ${rank} was not acknowledged in 30 s`)), 30_000);
        const onChange = (change: Protocol.DOM.AttributeModifiedEvent) => {
          if (change.nodeId !== button.nodeId || change.name !== 'aria-pressed' || change.value !== 'true') return;
          devtools.off('DOM.attributeModified', onChange);
          clearTimeout(timeout);
          resolve(performance.now());
        };
        devtools.on('DOM.attributeModified', onChange);
      });
      const started = performance.now();
      await tab.mouse.click(x, y);
      samples.push((await acknowledged) - started);
    }
    return samples;
  } finally {
    await tab.close();
  }
}

export interface WriteThroughput {
  /** mark.set writes acknowledged per second, `inFlight` requests outstanding. */
  marksPerSec: number;
  marksSequentialPerSec: number;
  observedItemsPerSec: number;
}

type Message = { type: string; payload: unknown };

/**
 * Writes through the real background: mark.set on stored mentions (the write a click makes) and page.observe
 * of 100-item pages (the write every page load makes), sent from an extension page that holds no live-update
 * port, so no open view refreshes in between.
 */
export async function measureWrites(
  send: MessageSender,
  marks: readonly Message[],
  observations: readonly Message[],
  inFlight: number,
): Promise<WriteThroughput> {
  const half = Math.floor(marks.length / 2);
  const sequential = await send(marks.slice(0, half), 1);
  expectAllOk(sequential.replies, 'mark.set (sequential)');
  const pipelined = await send(marks.slice(half), inFlight);
  expectAllOk(pipelined.replies, 'mark.set (pipelined)');
  const observed = await send(observations, 1);
  expectAllOk(observed.replies, 'page.observe');
  const itemCount = observations.reduce((sum, message) => sum + ((message.payload as { items: unknown[] }).items.length), 0);
  return {
    marksSequentialPerSec: half / (sequential.elapsedMs / 1000),
    marksPerSec: (marks.length - half) / (pipelined.elapsedMs / 1000),
    observedItemsPerSec: itemCount / (observed.elapsedMs / 1000),
  };
}

const RENDER_PROBE = `(() => {
  const selector = '[data-testid="kpi-serp-positivity"]';
  const record = () => {
    const element = document.querySelector(selector);
    if (!element || window.__rlBenchRendered) return;
    window.__rlBenchRendered = { at: performance.now(), value: element.getAttribute('data-value') };
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** The first drawing of an extension page opened in a fresh tab: performance.now() when the probe saw it, and DOMContentLoaded. */
async function openAndTimeFirstRender(browser: TestBrowser, url: string): Promise<{ at: number; domContentLoaded: number; value: string | null }> {
  const tab = await browser.newTab();
  try {
    await tab.evaluateOnNewDocument(RENDER_PROBE);
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction('window.__rlBenchRendered !== undefined', { timeout: 60_000, polling: 50 });
    const rendered = (await tab.evaluate('window.__rlBenchRendered')) as { at: number; value: string | null };
    const domContentLoaded = await tab.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    );
    return { ...rendered, domContentLoaded };
  } finally {
    await tab.close();
  }
}

/** A second extension the bench writes into a temporary directory: its name, manifest keys beyond the required ones, files. */
function writeBenchExtension(name: string, manifest: Record<string, unknown>, files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-bench-floor-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1.0', ...manifest }));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The least any extension page with a script takes to draw in this browser: a second extension, written here, whose
 * one page loads one module script of one line that puts the KPI element in. Opened like the popup, so what the
 * popup takes beyond it is the popup's own (its bundle, its reads, its drawing).
 */
async function installFloorExtension(browser: TestBrowser): Promise<{ url: string; remove(): Promise<void> }> {
  const written = writeBenchExtension('Bench floor', {}, {
    'floor.html':
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>floor</title><script type="module" src="/floor.js"></script></head><body><div id="app"></div></body></html>',
    'floor.js':
      'const kpi = document.createElement("div"); kpi.dataset.testid = "kpi-serp-positivity"; kpi.dataset.value = "floor"; document.getElementById("app").append(kpi);',
  });
  const id = await browser.browser.installExtension(written.dir);
  return {
    url: `chrome-extension://${id}/floor.html`,
    async remove() {
      await browser.browser.uninstallExtension(id);
      written.remove();
    },
  };
}

/**
 * The least any content script costs a page in this browser: a second extension, written here, whose one content
 * script of one line runs on every https page at document_idle, as ours does. Its page loads, traced in turn with
 * those with our extension and without any, give what the browser spends on having a content script at all (the
 * isolated world, the extension bindings, loading and running a script): what ours costs beyond it is our own work.
 */
export function writeContentScriptFloorExtension(): { dir: string; remove(): void } {
  return writeBenchExtension(
    'Bench content script floor',
    { content_scripts: [{ matches: ['https://*/*'], js: ['floor.js'], run_at: 'document_idle' }] },
    { 'floor.js': 'globalThis.benchFloorRan = document.readyState;' },
  );
}

/**
 * Popup first render: a fresh tab opens popup.html; the time is performance.now() (ms since the navigation
 * started) at the first DOM mutation after which the SERP-positivity KPI element exists, recorded by a
 * MutationObserver installed before the popup's own scripts run. Also the popup's DOMContentLoaded, which
 * comes once its entry script has run (module scripts run before it): what comes before it is the browser
 * opening the page and loading that script, what comes after is the request and the drawing. Each open is
 * paired with one of the floor page (installFloorExtension), so both see the same moments of a noisy machine.
 */
export async function measurePopupRender(
  browser: TestBrowser,
  runs: number,
): Promise<{ samples: number[]; domContentLoadedSamples: number[]; floorSamples: number[]; value: string | null }> {
  const floor = await installFloorExtension(browser);
  // The popup opens into the process its extension already has (the bench's control page keeps it): so does the floor.
  const floorProcess = await browser.newTab();
  try {
    await floorProcess.goto(floor.url, { waitUntil: 'load' });
    const samples: number[] = [];
    const domContentLoadedSamples: number[] = [];
    const floorSamples: number[] = [];
    let value: string | null = null;
    for (let run = 0; run < runs; run++) {
      const popup = await openAndTimeFirstRender(browser, `chrome-extension://${browser.extensionId}/popup.html`);
      samples.push(popup.at);
      domContentLoadedSamples.push(popup.domContentLoaded);
      value = popup.value;
      floorSamples.push((await openAndTimeFirstRender(browser, floor.url)).at);
    }
    return { samples, domContentLoadedSamples, floorSamples, value };
  } finally {
    await floorProcess.close();
    await floor.remove();
  }
}

/** Round trips of one request from the dashboard page, each timed inside the page. */
export async function measureRequest(dashboard: Page, message: Message, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { replies, elapsedMs } = await sendFromExtensionPage(dashboard, [message]);
    expectAllOk(replies, message.type);
    samples.push(elapsedMs);
  }
  return samples;
}
