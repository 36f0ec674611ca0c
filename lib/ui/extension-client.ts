import browser from 'webextension-polyfill';
import { useEffect } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '../messaging/protocol';
import { LIVE_PORT, send } from '../messaging/send';

/** Typed requests from the popup and the dashboard to the background. */
export function call<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return send((message) => browser.runtime.sendMessage(message), type, payload);
}

/**
 * Calls `onChange` whenever the background reports a write, so open views refresh without reopening.
 * The port is re-opened when the background's service worker restarts and drops it.
 */
export function useDataChanges(onChange: () => void): void {
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let closed = false;
    const connect = () => {
      port = browser.runtime.connect({ name: LIVE_PORT });
      port.onMessage.addListener(() => onChange());
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(connect, 500);
      });
    };
    connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [onChange]);
}
