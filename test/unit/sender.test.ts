import { describe, expect, it } from 'vitest';
import { senderContext, senderPage, type ContentScriptSender, type ExtensionIdentity } from '@/lib/background/sender';
import { findSite } from '@/lib/sites';

const GRANTED_ORIGIN = 'https://forum.example.org';

const self: ExtensionIdentity = {
  id: 'ours',
  origin: 'chrome-extension://ours/',
  searchEngineOf: (url) => findSite(url)?.id,
  isGrantedPage: async (url) => new URL(url).origin === GRANTED_ORIGIN,
};

const onTab = (url: string, id = 'ours') => ({ id, url, frameId: 0, tab: { id: 7, url } });

describe('message sender check', () => {
  it.each([
    ['the popup', { id: 'ours', url: 'chrome-extension://ours/popup.html' }],
    ['the dashboard in a tab', onTab('chrome-extension://ours/options.html')],
  ])('takes %s for an extension page', async (_name, sender) => {
    expect(await senderContext(sender, self)).toEqual({ origin: 'extension-page' });
  });

  it.each([
    ['a content script on Google', onTab('https://www.google.com/search?q=a'), { kind: 'serp', url: 'https://www.google.com/search?q=a', site: 'google' }, '7:0'],
    ['a content script on a granted forum', onTab(`${GRANTED_ORIGIN}/viewtopic.php?t=1`), { kind: 'forum', url: `${GRANTED_ORIGIN}/viewtopic.php?t=1` }, '7:0'],
    ['a granted forum known only from the tab', { id: 'ours', tab: { id: 7, url: `${GRANTED_ORIGIN}/t/1` } }, { kind: 'forum', url: `${GRANTED_ORIGIN}/t/1` }, '7:0'],
    // A frame's own URL is its page, whatever the tab shows.
    [
      'a frame on Bing inside another tab',
      { id: 'ours', url: 'https://www.bing.com/search?q=a', frameId: 3, tab: { id: 7, url: `${GRANTED_ORIGIN}/t/1` } },
      { kind: 'serp', url: 'https://www.bing.com/search?q=a', site: 'bing' },
      '7:3',
    ],
  ])('takes %s for a content script on the page the browser reports', async (_name, sender, page, frameKey) => {
    expect(await senderContext(sender, self)).toEqual({ origin: 'content-script', page, frameKey, incognito: false });
  });

  it('says when the content script runs in a private window', async () => {
    const sender = { id: 'ours', url: 'https://www.google.com/search?q=a', tab: { id: 7, url: 'https://www.google.com/search?q=a', incognito: true } };
    expect(await senderContext(sender, self)).toMatchObject({ origin: 'content-script', incognito: true });
  });

  it.each([
    ['another extension', { id: 'theirs', url: 'chrome-extension://theirs/popup.html' }],
    ['another extension on a granted forum', onTab(`${GRANTED_ORIGIN}/t/1`, 'theirs')],
    ['our id from a page we do not run on', onTab('https://evil.example/')],
    ['an ungranted forum', onTab('https://other-forum.example.org/viewtopic.php?t=1')],
    ['a subdomain of a granted forum', onTab('https://evil.forum.example.org/t/1')],
    ['no tab and a web URL', { id: 'ours', url: 'https://www.google.com/search?q=a' }],
    ['no tab on a granted forum', { id: 'ours', url: `${GRANTED_ORIGIN}/t/1` }],
    ['a tab without an id', { id: 'ours', url: 'https://www.google.com/search?q=a', tab: { url: 'https://www.google.com/search?q=a' } }],
    ['nothing at all', {}],
  ])('refuses %s', async (_name, sender) => {
    expect(await senderContext(sender, self)).toBeNull();
  });
});

describe('the page of a content script’s request', () => {
  const onGoogle: ContentScriptSender = {
    origin: 'content-script',
    page: { kind: 'serp', url: 'https://www.google.com/search?q=acme+clinic#top', site: 'google' },
    frameKey: '7:0',
    incognito: false,
  };
  const onForum: ContentScriptSender = { origin: 'content-script', page: { kind: 'forum', url: `${GRANTED_ORIGIN}/t/1` }, frameKey: '7:0', incognito: false };

  it('is the sender’s own page, its query read from its URL', () => {
    const claimed = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'something else', firstRank: 11 };
    expect(senderPage(claimed, onGoogle)).toEqual({ ...claimed, url: onGoogle.page.url, query: 'acme clinic' });
    expect(senderPage({ url: `${GRANTED_ORIGIN}/t/1#p5`, site: 'generic', kind: 'forum' }, onForum)).toEqual({
      url: `${GRANTED_ORIGIN}/t/1`,
      site: 'generic',
      kind: 'forum',
      firstRank: undefined,
    });
  });

  it('follows in-page navigation on the same origin (the browser reports the URL the frame was loaded at)', () => {
    const pushed = { url: 'https://www.google.com/search?q=acme+prices', site: 'google', kind: 'serp' as const, query: 'forged', firstRank: 1 };
    expect(senderPage(pushed, onGoogle)).toEqual({ ...pushed, query: 'acme prices' });
    expect(senderPage({ url: `${GRANTED_ORIGIN}/t/2`, site: 'generic', kind: 'forum' }, onForum).url).toBe(`${GRANTED_ORIGIN}/t/2`);
  });

  it.each([
    ['a page of another origin', { url: 'https://evil.example/search?q=other', site: 'google', kind: 'serp' as const }, onGoogle, /page\.url/],
    ['another search engine’s page', { url: 'https://www.bing.com/search?q=other', site: 'google', kind: 'serp' as const }, onGoogle, /page\.url/],
    ['a Google page that is no results page', { url: 'https://www.google.com/maps?q=other', site: 'google', kind: 'serp' as const }, onGoogle, /page\.url/],
    ['another origin from a forum', { url: 'https://victim.example/t/1', site: 'generic', kind: 'forum' as const }, onForum, /page\.url/],
    ['another search engine', { url: onGoogle.page.url, site: 'bing', kind: 'serp' as const }, onGoogle, /page\.site: The request did not describe the page it came from/],
    ['a forged engine name', { url: onGoogle.page.url, site: 'altavista', kind: 'serp' as const }, onGoogle, /page\.site/],
    ['a forum kind on a search page', { url: onGoogle.page.url, site: 'phpbb', kind: 'forum' as const }, onGoogle, /page\.kind/],
    ['a search kind on a forum', { url: onForum.page.url, site: 'google', kind: 'serp' as const }, onForum, /page\.kind/],
    ['an unknown forum engine', { url: onForum.page.url, site: 'forum-1000', kind: 'forum' as const }, onForum, /page\.site: Is not valid/],
  ])('refuses a request naming %s', (_name, claimed, sender, message) => {
    expect(() => senderPage(claimed, sender)).toThrow(message);
  });
});
