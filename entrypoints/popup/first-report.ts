import { browser } from 'wxt/browser';
import { storedUiLocale, type UiLocale } from '@/lib/i18n';
import { readReadyReport } from '@/lib/background/ready-report';
import { send } from '@/lib/messaging/send';
import { monthOf } from '@/lib/schema/month';

/**
 * Asked for as soon as the popup's scripts run, before anything is drawn: the background works on the report while
 * the popup draws the one it worked out ahead (the popup opens at once).
 */

export interface ActiveTab {
  id: number;
  url: string;
}

/** The tab's URL is visible to us on sites we have host access to, and on any site once the popup opened (activeTab). */
export async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id !== undefined && tab.url?.startsWith('http') ? { id: tab.id, url: tab.url } : null;
}

export const firstTab = activeTab();

export const firstReport = firstTab.then((tab) =>
  send((message) => browser.runtime.sendMessage(message), 'kpi.get', { tabUrl: tab?.url }),
);
// A failure is shown when app.tsx reads the answer; until then it must not be reported as unhandled.
firstReport.catch(() => undefined);

/** The report the background worked out ahead, drawn until its answer to `firstReport` comes (null when none is kept). */
export const firstReadyReport = readReadyReport(browser.storage.session, monthOf(Date.now()));

/** The interface language: the one chosen in the dashboard, else the browser's. */
export const firstLocale: Promise<UiLocale> = storedUiLocale(browser.storage.local, navigator.languages);
