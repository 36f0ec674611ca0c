import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { KeyboardPanel } from '@/components/KeyboardPanel';
import { LocaleContext, useLocale } from '@/components/Locale';
import { PageTools } from '@/components/PageTools';
import { PopupView, type PopupData } from '@/components/PopupView';
import { QuietModeControls } from '@/components/QuietModeControls';
import { hostOfUrl } from '@/lib/background/site-access';
import { LocalizedError, failureText, problem } from '@/lib/i18n/problems';
import { RemoteError } from '@/lib/messaging/send';
import { call, useDataChanges } from '@/lib/ui/extension-client';
import { activeTab, firstLocale, firstReadyReport, firstReport, firstTab, type ActiveTab } from './first-report';
import { useKeyboardMarking } from './keyboard-marking';
import { usePageTools } from './page-tools';
import { useQuietMode } from './quiet-mode';

/** Saves the active project with one more key query; the background rebuilds what counts. */
async function addKeyQuery(data: PopupData | null, query: string): Promise<void> {
  const project = data?.projects.find((candidate) => candidate.id === data.activeProjectId);
  if (!project) return;
  const answer = await call('projects.save', { id: project.id, input: { ...project, keyQueries: [...project.keyQueries, query] } });
  if (answer.saved) return;
  const refusal = Object.values(answer.fieldErrors)[0];
  // The background said why in the interface language; a refusal without a field is said here.
  throw refusal === undefined ? new LocalizedError(problem('keyQueryNotAdded')) : new RemoteError(refusal);
}

function Popup({ first }: { first: PopupData | null }) {
  const locale = useLocale();
  const [data, setData] = useState<PopupData | null>(first);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => void firstTab.then(setTab), []);
  const show = useCallback((report: Promise<PopupData>) => {
    report
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((failure: unknown) => setError(failureText(failure, locale)));
  }, []);
  const refresh = useCallback(
    () => show(activeTab().then((current) => call('kpi.get', { tabUrl: current?.url }))),
    [show],
  );
  // Subscribed before the first paint, not after it: a report that comes in the meantime is drawn when it comes.
  useLayoutEffect(() => show(firstReport), [show]);
  useDataChanges(refresh);
  const pageTools = usePageTools(tab, locale);
  const keyboardMarking = useKeyboardMarking();
  const quiet = useQuietMode();
  const site = tab ? hostOfUrl(tab.url) : null;
  return (
    <PopupView
      data={data}
      error={error}
      onSelectProject={(id) => void call('projects.setActive', { id }).then(refresh)}
      onOpenDashboard={() => void browser.runtime.openOptionsPage()}
      onAddKeyQuery={(query) => void addKeyQuery(data, query).then(refresh, (failure: unknown) => setError(failureText(failure, locale)))}
      settings={keyboardMarking.on !== null && <KeyboardPanel on={keyboardMarking.on} onSwitch={keyboardMarking.set} />}
    >
      {pageTools.state && <PageTools state={pageTools.state} onAudit={pageTools.audit} onMark={pageTools.mark} />}
      {quiet.mode && (
        <QuietModeControls
          site={site}
          mode={quiet.mode}
          onHideOnSite={(hidden) => site !== null && quiet.hideOnSite(site, hidden)}
          onHideEverywhere={quiet.hideEverywhere}
        />
      )}
    </PopupView>
  );
}

void firstLocale.then(async (locale) => {
  document.documentElement.lang = locale;
  // The report the background worked out ahead, until the answer to the popup's own request replaces it.
  const ready = await firstReadyReport;
  render(
    <LocaleContext.Provider value={locale}>
      <Popup first={ready && { ...ready, tabPage: null }} />
    </LocaleContext.Provider>,
    document.getElementById('app')!,
  );
});
