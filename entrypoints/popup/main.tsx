import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PopupView, type PopupData } from '@/components/PopupView';
import { errorMessage } from '@/lib/messaging';
import { call, useDataChanges } from '@/lib/ui/extension-client';

/** The tab's URL is visible to us only on sites we have host access to: exactly the ones we can tag. */
async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.url?.startsWith('http') ? tab.url : undefined;
}

function Popup() {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    activeTabUrl()
      .then((tabUrl) => call('kpi.get', { tabUrl }))
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, []);
  useEffect(refresh, [refresh]);
  useDataChanges(refresh);
  return (
    <PopupView
      data={data}
      error={error}
      onSelectProject={(id) => void call('projects.setActive', { id }).then(refresh)}
      onOpenDashboard={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
