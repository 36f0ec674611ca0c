// "Audit this site" without the popup's tab: the popup acts on the tab it was opened over, which a test that opens
// extension pages in tabs (and Firefox, whose action popup WebDriver BiDi cannot open) does not have.
import type { Page } from 'puppeteer';
import { pollUntil } from './poll';

/** The button put at the page's top left corner, clicked in its middle. */
const AUDIT_BUTTON = { width: 120, height: 40 };

/**
 * Does what the popup's *Audit this site* does, from `page` (one of the extension's pages, in Chromium or Firefox):
 * within a click of the real mouse, requests the origin and then sends `sites.audit`. The browser must grant the
 * request without a prompt (Chromium: `allowSiteAccess` first; the test Firefox's profile grants them).
 */
export async function auditFromExtensionPage(page: Page, origin: string): Promise<void> {
  await page.evaluate((siteOrigin, box) => {
    const chrome = (globalThis as unknown as {
      chrome: { permissions: { request(request: { origins: string[] }): Promise<boolean> }; runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } };
    }).chrome;
    const button = document.createElement('button');
    button.id = 'rl-audit';
    button.textContent = 'audit';
    button.style.cssText = `position: fixed; left: 0; top: 0; width: ${box.width}px; height: ${box.height}px; z-index: 2147483647`;
    button.addEventListener('click', () => {
      void chrome.permissions
        .request({ origins: [`${siteOrigin}/*`] })
        .then((granted) => (granted ? chrome.runtime.sendMessage({ type: 'sites.audit', payload: { origin: siteOrigin } }) : { ok: false, error: 'not granted' }))
        .then((reply) => button.setAttribute('data-result', reply.ok ? 'ok' : String(reply.error)), (error: unknown) => button.setAttribute('data-result', String(error)));
    });
    document.body.append(button);
  }, origin, AUDIT_BUTTON);
  await page.mouse.click(AUDIT_BUTTON.width / 2, AUDIT_BUTTON.height / 2);
  const result = await pollUntil(
    () => page.evaluate(() => document.getElementById('rl-audit')!.getAttribute('data-result')),
    (answer) => answer !== null,
    15_000,
    `The answer to auditing ${origin}`,
  );
  if (result !== 'ok') throw new Error(`Auditing ${origin} failed: ${result}`);
}
