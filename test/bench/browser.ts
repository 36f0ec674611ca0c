// Helpers the benchmarks drive the real extension with; the browser itself comes from test/support/browser.ts,
// shared with the e2e tests.
import type { Page } from 'puppeteer';
import type { Project } from '../../lib/schema/index.ts';
import { BENCH_BRAND, BENCH_DOMAIN } from './pages.ts';

/** The background's reply envelope (lib/messaging). */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * The in-page code that sends `messages`, `inFlight` at a time, and returns the replies in order with the wall
 * time the whole batch took (measured where it runs). Built as text: the content script's isolated world is
 * reached through the DevTools protocol, which evaluates expressions only.
 */
function sendingExpression(messages: readonly { type: string; payload: unknown }[], inFlight: number): string {
  return `(async (batch, parallel) => {
    const replies = new Array(batch.length);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < batch.length) {
        const index = next++;
        replies[index] = await chrome.runtime.sendMessage(batch[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, batch.length) }, worker));
    return { replies, elapsedMs: performance.now() - started };
  })(${JSON.stringify(messages)}, ${inFlight})`;
}

/** Sends protocol messages to the background from one of the extension's pages, `inFlight` at a time. */
export async function sendFromExtensionPage(
  page: Page,
  messages: readonly { type: string; payload: unknown }[],
  inFlight = 1,
): Promise<{ replies: Reply[]; elapsedMs: number }> {
  return page.evaluate(sendingExpression(messages, inFlight)) as Promise<{ replies: Reply[]; elapsedMs: number }>;
}

/** Throws with the first refusal: a benchmark over refused writes would measure nothing. */
export function expectAllOk(replies: readonly Reply[], what: string): void {
  const refused = replies.find((reply) => !reply.ok);
  if (refused && !refused.ok) throw new Error(`${what}: the background refused a message: ${refused.error}`);
}

/** Sends a batch of messages from somewhere, `inFlight` at a time: the replies in order and the wall time. */
export type MessageSender = (messages: readonly { type: string; payload: unknown }[], inFlight: number) => Promise<{ replies: Reply[]; elapsedMs: number }>;

/** Evaluates expressions in the extension's content script on `page` (its isolated world, found through the DevTools protocol). */
export async function contentScriptEvaluator(page: Page, extensionName: string): Promise<(expression: string) => Promise<unknown>> {
  const session = await page.createCDPSession();
  const worlds: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  // Enabling replays the contexts that already exist.
  await session.send('Runtime.enable');
  const { frameTree } = await session.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.name === extensionName && context.auxData.frameId === mainFrame);
  if (!world) throw new Error(`No content script of ${extensionName} on ${page.url()}`);
  return async (expression) => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`Evaluating in the content script failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
}

/** Sends protocol messages from the extension's content script on `page`: the background answers page messages only from there. */
export async function contentScriptSender(page: Page, extensionName: string): Promise<MessageSender> {
  const evaluate = await contentScriptEvaluator(page, extensionName);
  return async (messages, inFlight) => (await evaluate(sendingExpression(messages, inFlight))) as { replies: Reply[]; elapsedMs: number };
}

/** The project the benchmarks measure with: the bench pages' brand and client domain, and `keyQueries`. */
export async function createBenchProject(control: Page, keyQueries: readonly string[]): Promise<Project> {
  const { replies } = await sendFromExtensionPage(control, [
    {
      type: 'projects.save',
      payload: { input: { name: 'Bench: Northwind Dental', brandTerms: [BENCH_BRAND], clientDomains: [BENCH_DOMAIN], keyQueries } },
    },
  ]);
  expectAllOk(replies, 'projects.save');
  const data = (replies[0] as { ok: true; data: { saved: boolean; project?: Project } }).data;
  if (!data.saved || !data.project) throw new Error('The bench project was not saved');
  return data.project;
}
