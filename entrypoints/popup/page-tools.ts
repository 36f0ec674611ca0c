import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageToolsState } from '@/components/PageTools';
import { nextPageMark, type PageMarkAction } from '@/lib/annotate/page-mark';
import { FORUM_SCRIPT_FILE, originOfUrl, originPattern, searchEngineOriginTest } from '@/lib/background/site-access';
import type { UiLocale } from '@/lib/i18n';
import { LocalizedError, failureText, problem } from '@/lib/i18n/problems';
import type { PageCapture } from '@/lib/messaging';
import { call } from '@/lib/ui/extension-client';
import type { ActiveTab } from './first-report';

// The manifest's static host permissions are exactly the search engines: no site registry in the popup.
const isSearchEngineOrigin = searchEngineOriginTest(browser.runtime.getManifest().host_permissions ?? []);
const executeScript = (details: { target: { tabId: number }; files: string[] }) => browser.scripting.executeScript(details);

/** What the popup offers for the tab's page, and the two actions: audit its site, mark the page. */
export function usePageTools(tab: ActiveTab | null, locale: UiLocale): {
  state: PageToolsState | null;
  audit: () => void;
  mark: (action: PageMarkAction) => void;
} {
  const [state, setState] = useState<PageToolsState | null>(null);
  const [capture, setCapture] = useState<PageCapture | null>(null);
  const update = (change: Partial<PageToolsState>) => setState((previous) => (previous ? { ...previous, ...change } : previous));

  useEffect(() => {
    const origin = tab ? originOfUrl(tab.url) : null;
    if (!tab || !origin || isSearchEngineOrigin(origin)) return;
    void (async () => {
      const audited = await call('sites.audited', {})
        .then((answer) => answer.sites.some((site) => site.origin === origin))
        .catch(() => false);
      // The popup's opening granted activeTab; pages the browser keeps to itself cannot be read or marked.
      // Loaded here, not with the popup: reading a hostile page's capture needs zod, and the first render does not.
      const { captureTab } = await import('@/lib/annotate/capture-tab');
      const captured = await captureTab(executeScript, tab.id).catch(() => null);
      const current = captured && captured.passage === null
        ? await call('pageMention.get', { url: captured.url }).then((answer) => answer.item).catch(() => null)
        : null;
      setCapture(captured);
      setState({ origin, canAudit: !audited, audited, canMark: captured !== null, passage: captured?.passage ?? null, current, busy: false, error: null });
    })();
  }, [tab]);

  const audit = useCallback(() => {
    if (!tab || !state) return;
    const origin = state.origin;
    // The request must be the click's first step: the browser grants only within the user's gesture.
    const granted = browser.permissions.request({ origins: [originPattern(origin)] });
    update({ busy: true, error: null });
    void granted
      .then(async (yes) => {
        if (!yes) throw new LocalizedError(problem('accessNotGranted', { origin }));
        await call('sites.audit', { origin });
        // Registered scripts run from the next load; this page gets its tags now.
        await executeScript({ target: { tabId: tab.id }, files: [FORUM_SCRIPT_FILE] });
        update({ canAudit: false, audited: true, busy: false });
      })
      .catch((failure: unknown) => update({ busy: false, error: failureText(failure, locale) }));
  }, [tab, state]);

  const mark = useCallback(
    (action: PageMarkAction) => {
      if (!state || !capture) return;
      update({ busy: true, error: null });
      void call('pageMention.set', { capture, ...nextPageMark(state.current, action, 'toggle') })
        .then((answer) => update({ current: answer.item, busy: false }))
        .catch((failure: unknown) => update({ busy: false, error: failureText(failure, locale) }));
    },
    [state, capture],
  );

  return { state, audit, mark };
}
