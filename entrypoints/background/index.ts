import browser, { type Runtime } from 'webextension-polyfill';
import { TOGGLE_KEYBOARD_MARKING_COMMAND, toggleKeyboardMarking } from '@/lib/annotate/keyboard-marking';
import { captureTab } from '@/lib/annotate/capture-tab';
import { TOGGLE_SITE_TAGS_COMMAND, toggleSiteQuiet } from '@/lib/annotate/quiet-mode';
import { FileTransfers } from '@/lib/backup/transfer';
import { contextMenuBuilder, markFromMenu, menuMarkTitle, type MenuEntry } from '@/lib/background/context-menu';
import { senderContext, type ExtensionIdentity, type SenderContext } from '@/lib/background/sender';
import { PendingMarks } from '@/lib/background/pending-marks';
import { ReadyReports } from '@/lib/background/ready-report';
import { createHandlers } from '@/lib/background/service';
import { FORUM_SCRIPT_FILE, createSiteAccess, hostOfUrl, searchEngineOriginTest } from '@/lib/background/site-access';
import { DatabaseConnection } from '@/lib/db/connection';
import type { LensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { LOCALE_PREFERENCE_KEY, storedUiLocale } from '@/lib/i18n';
import { followStoredSetting } from '@/lib/settings/extension-storage';
import { normalizeQuery } from '@/lib/match/url';
import { monthOf } from '@/lib/schema/month';
import { failureText, problem, problemText } from '@/lib/i18n/problems';
import { LIVE_PORT, dispatchMessage, type Handlers, type Reply } from '@/lib/messaging';
import { findSite, searchEngineMatchPatterns } from '@/lib/sites';

export default defineBackground(() => {
  const browserApi = { permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local };
  const siteAccess = createSiteAccess(browserApi, {
    scriptFile: FORUM_SCRIPT_FILE,
    isSearchEngineOrigin: searchEngineOriginTest(searchEngineMatchPatterns()),
  });
  const self: ExtensionIdentity = {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/'),
    searchEngineOf: (url) => findSite(url)?.id,
    isGrantedPage: (url) => siteAccess.isGrantedPage(url),
  };
  const contextOf = (sender: Runtime.MessageSender) => senderContext(sender, self);

  const livePorts = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    // Held until the check answers, so a port is never used before it is known to be ours.
    void (port.sender ? contextOf(port.sender) : Promise.resolve(null)).then((context) => {
      if (port.name !== LIVE_PORT || context?.origin !== 'extension-page') {
        port.disconnect();
        return;
      }
      livePorts.add(port);
      port.onDisconnect.addListener(() => livePorts.delete(port));
    });
  });
  // Worked out again as the popup asks for it: through the protocol, as the popup's own request. A browser without
  // session storage keeps none, and the popup waits for its answer.
  const workOutReadyReport = () => void dispatch({ type: 'kpi.get', payload: {} }, { origin: 'extension-page' });
  const readyReports = browser.storage.session ? new ReadyReports(browser.storage.session, workOutReadyReport) : undefined;
  const announceChange = (projectId: string) => {
    readyReports?.changed();
    for (const port of livePorts) port.postMessage({ type: 'changed', projectId });
  };

  /**
   * The interface language of the moment: the user's choice, else the browser's. Read when there is something to
   * say in words (an error answer, a form's refusals, the menu), so a choice made in the dashboard counts at once.
   */
  const interfaceLocale = () => storedUiLocale(browser.storage.local, navigator.languages);

  // Opened on first use, and again after the worker restarts, after a failed open or after the browser closed
  // it: no state lives only in memory, and no failure needs a browser restart.
  const connection = new DatabaseConnection();
  // One queue whatever connection is open: it outlives any of them.
  const pendingMarks = new PendingMarks(browser.storage.local);
  const handlersByDatabase = new WeakMap<LensDatabase, Handlers<SenderContext>>();
  const handlersOf = (db: LensDatabase) => {
    let handlers = handlersByDatabase.get(db);
    if (!handlers) {
      handlers = createHandlers(new LensRepository(db, normalizeQuery), {
        onDataChanged: announceChange,
        readyReports,
        openDashboard: () => browser.runtime.openOptionsPage(),
        siteAccess,
        transfers: new FileTransfers(caches),
        pendingMarks,
        locale: interfaceLocale,
      });
      handlersByDatabase.set(db, handlers);
    }
    return handlers;
  };
  const dispatch = (message: unknown, context: SenderContext): Promise<Reply> =>
    connection
      .use((db) => dispatchMessage(message, context, handlersOf(db), interfaceLocale), (reply) => !reply.ok)
      .catch(async (error: unknown) => ({ ok: false as const, error: failureText(error, await interfaceLocale()) }));
  // At every start of the worker: after a browser start session storage is empty, and the first popup would wait.
  void readyReports?.keepOneFor(monthOf(Date.now()));

  browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
    const context = await contextOf(sender);
    if (!context) return { ok: false, error: problemText(problem('requestFromElsewhere'), await interfaceLocale()) };
    return dispatch(message, context);
  });

  // Registered scripts follow the user's audits: kept across restarts, gone with the permission.
  const reconcile = () => void siteAccess.reconcile().catch((error: unknown) => console.error('Site access:', error));
  browser.runtime.onStartup.addListener(reconcile);
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
  browser.runtime.onInstalled.addListener(reconcile);

  const menus = { removeAll: () => browser.contextMenus.removeAll(), create: (entry: MenuEntry) => browser.contextMenus.create(entry) };
  const buildContextMenu = contextMenuBuilder(menus, interfaceLocale);
  browser.runtime.onInstalled.addListener(() => void buildContextMenu());
  browser.runtime.onStartup.addListener(() => void buildContextMenu());
  followStoredSetting(browser.storage.onChanged, LOCALE_PREFERENCE_KEY, () => void buildContextMenu());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const tabId = tab?.id;
    const showResult = async (failure: string | null) => {
      if (tabId === undefined) return;
      void browser.action.setBadgeText({ tabId, text: failure === null ? '✓' : '!' });
      void browser.action.setTitle({ tabId, title: menuMarkTitle(await interfaceLocale(), failure) });
    };
    markFromMenu(info, tab, {
      capture: (id) => captureTab((details) => browser.scripting.executeScript(details), id),
      dispatch: (type, payload) => dispatch({ type, payload }, { origin: 'extension-page' }),
    })
      .then((reply) => reply && showResult(reply.ok ? null : reply.error))
      .catch(async (error: unknown) => showResult(failureText(error, await interfaceLocale())));
  });

  // The global shortcuts of the extension's own: each flips a stored setting, which the pages' content scripts follow
  // (quiet mode for the tab's site, which pressing the shortcut lets the background read; keyboard marking).
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_KEYBOARD_MARKING_COMMAND) void toggleKeyboardMarking(browser.storage.local);
    const site = command === TOGGLE_SITE_TAGS_COMMAND && tab?.url ? hostOfUrl(tab.url) : null;
    if (site) void toggleSiteQuiet(browser.storage.local, site).catch((error: unknown) => console.error('Quiet mode:', error));
  });
});
