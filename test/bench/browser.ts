// Helpers the benchmarks drive the real extension with; the browser itself comes from test/support/browser.ts,
// shared with the e2e tests.
import type { Page } from 'puppeteer';

/** The background's reply envelope (lib/messaging). */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * Sends protocol messages to the background from one of the extension's pages, `inFlight` at a time, and
 * returns the replies in order with the wall time the whole batch took (measured inside the page).
 */
export async function sendFromExtensionPage(
  page: Page,
  messages: readonly { type: string; payload: unknown }[],
  inFlight = 1,
): Promise<{ replies: Reply[]; elapsedMs: number }> {
  return page.evaluate(
    async (batch, parallel) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome
        .runtime;
      const replies: unknown[] = new Array(batch.length);
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < batch.length) {
          const index = next++;
          replies[index] = await runtime.sendMessage(batch[index]);
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, batch.length) }, worker));
      return { replies: replies as never, elapsedMs: performance.now() - started };
    },
    messages as { type: string; payload: unknown }[],
    inFlight,
  );
}

/** Throws with the first refusal: a benchmark over refused writes would measure nothing. */
export function expectAllOk(replies: readonly Reply[], what: string): void {
  const refused = replies.find((reply) => !reply.ok);
  if (refused && !refused.ok) throw new Error(`${what}: the background refused a message: ${refused.error}`);
}
