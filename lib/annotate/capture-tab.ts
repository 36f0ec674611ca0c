import { LocalizedError, problem } from '../i18n/problems';
import { PageCaptureSchema, type PageCapture } from '../messaging/protocol';

/** The built entrypoints/page-capture.ts, injected into the tab being marked. */
export const PAGE_CAPTURE_FILE = '/page-capture.js';

export type ExecuteCaptureScript = (details: {
  target: { tabId: number };
  files: string[];
}) => Promise<ReadonlyArray<{ result?: unknown }>>;

/**
 * Reads the tab through the injected capture script. What comes back was made from a hostile page, so
 * it is held to the protocol's bounds before anything uses it.
 */
export async function captureTab(executeScript: ExecuteCaptureScript, tabId: number): Promise<PageCapture> {
  const [frame] = await executeScript({ target: { tabId }, files: [PAGE_CAPTURE_FILE] });
  const parsed = PageCaptureSchema.safeParse(frame?.result);
  if (!parsed.success) throw new LocalizedError(problem('pageUnreadable'));
  return parsed.data;
}
