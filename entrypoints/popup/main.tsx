import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PopupView, type PopupData } from '@/components/PopupView';
import { call, useDataChanges } from '@/lib/ui/extension-client';

function Popup() {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    call('kpi.get', {})
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
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
