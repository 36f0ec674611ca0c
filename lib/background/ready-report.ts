import type { ResponseOf } from '../messaging/protocol';
import type { Month } from '../schema';
import { storedValue, type ExtensionStorageArea } from '../settings/extension-storage';

/**
 * The popup's report, worked out ahead: what `kpi.get` answers for the active project this month (without the
 * current tab's part), kept by the background in the browser's session storage so that the popup draws it the
 * moment it opens, before the background (which may have to start up first) has answered its own request.
 * Session storage lives in memory only, is gone with the browser, and is out of the content scripts' reach (Chrome's
 * default access level; Firefox gives it to extension pages only). The popup asks the background all the same and
 * draws its answer when it comes. No browser globals here: callers pass the storage area.
 */
export type ReadyReport = Omit<ResponseOf<'kpi.get'>, 'tabPage'> & { month: Month };

export const READY_REPORT_KEY = 'readyPopupReport';

/** browser.storage.session, as far as keeping one record needs it. */
export type SessionArea = ExtensionStorageArea & { remove(key: string): Promise<void> };

/** The report the background last kept for `month`, or null (none kept, another month, no session storage). */
export async function readReadyReport(area: Pick<SessionArea, 'get'> | undefined, month: Month): Promise<ReadyReport | null> {
  if (!area) return null;
  const stored = await storedValue(area, READY_REPORT_KEY).catch(() => undefined);
  return typeof stored === 'object' && stored !== null && (stored as ReadyReport).month === month ? (stored as ReadyReport) : null;
}

/** How long the data must stay unchanged before the report is worked out again: a page's observations come in bursts. */
export const READY_REPORT_DELAY_MS = 1000;

/**
 * The background's side. A report is kept only when nothing changed while it was worked out; any change drops the
 * kept one at once (a popup opened then asks and waits, as without this) and works a new one out once the data has
 * been still for READY_REPORT_DELAY_MS.
 */
export class ReadyReports {
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly area: SessionArea,
    private readonly workOut: () => void,
    private readonly delayMs = READY_REPORT_DELAY_MS,
  ) {}

  /** Call before reading the data a report is made of; pass the result to `keep`. */
  begin(): number {
    return this.#generation;
  }

  keep(begun: number, report: ReadyReport): void {
    if (begun !== this.#generation) return;
    void this.area.set({ [READY_REPORT_KEY]: report }).catch(() => undefined);
  }

  /**
   * Works one out when none is kept for `month`: after the browser started (session storage starts empty), after an
   * update, in a new month. Else the popup's first open would find none.
   */
  async keepOneFor(month: Month): Promise<void> {
    if ((await readReadyReport(this.area, month)) === null) this.workOut();
  }

  changed(): void {
    this.#generation += 1;
    void this.area.remove(READY_REPORT_KEY).catch(() => undefined);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.workOut, this.delayMs);
  }
}
