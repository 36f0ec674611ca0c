import { describe, expect, it } from 'vitest';
import { senderContext, type ExtensionIdentity } from '@/lib/background/sender';
import { findSite } from '@/lib/sites';

const GRANTED_ORIGIN = 'https://forum.example.org';

const self: ExtensionIdentity = {
  id: 'ours',
  origin: 'chrome-extension://ours/',
  isSupportedPage: (url) => findSite(url) !== undefined,
  isGrantedPage: async (url) => new URL(url).origin === GRANTED_ORIGIN,
};

const onTab = (url: string, id = 'ours') => ({ id, url, tab: { url } });

describe('message sender check', () => {
  it.each([
    ['the popup', { id: 'ours', url: 'chrome-extension://ours/popup.html' }, 'extension-page'],
    ['the dashboard in a tab', onTab('chrome-extension://ours/options.html'), 'extension-page'],
    ['a content script on Google', onTab('https://www.google.com/search?q=a'), 'content-script'],
    ['a content script on a granted forum', onTab(`${GRANTED_ORIGIN}/viewtopic.php?t=1`), 'content-script'],
    ['a granted forum known only from the tab', { id: 'ours', tab: { url: `${GRANTED_ORIGIN}/t/1` } }, 'content-script'],
  ])('accepts %s', async (_name, sender, origin) => {
    expect(await senderContext(sender, self)).toEqual({ origin });
  });

  it.each([
    ['another extension', { id: 'theirs', url: 'chrome-extension://theirs/popup.html' }],
    ['another extension on a granted forum', onTab(`${GRANTED_ORIGIN}/t/1`, 'theirs')],
    ['our id from a page we do not run on', onTab('https://evil.example/')],
    ['an ungranted forum', onTab('https://other-forum.example.org/viewtopic.php?t=1')],
    ['a subdomain of a granted forum', onTab('https://evil.forum.example.org/t/1')],
    ['no tab and a web URL', { id: 'ours', url: 'https://www.google.com/search?q=a' }],
    ['no tab on a granted forum', { id: 'ours', url: `${GRANTED_ORIGIN}/t/1` }],
    ['nothing at all', {}],
  ])('refuses %s', async (_name, sender) => {
    expect(await senderContext(sender, self)).toBeNull();
  });
});
