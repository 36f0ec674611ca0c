import { describe, expect, it } from 'vitest';
import { senderContext, type ExtensionIdentity } from '@/lib/background/sender';
import { findSite } from '@/lib/sites';

const self: ExtensionIdentity = {
  id: 'ours',
  origin: 'chrome-extension://ours/',
  isSupportedPage: (url) => findSite(url) !== undefined,
};

describe('message sender check', () => {
  it.each([
    ['the popup', { id: 'ours', url: 'chrome-extension://ours/popup.html' }, 'extension-page'],
    ['the dashboard in a tab', { id: 'ours', url: 'chrome-extension://ours/options.html', tab: { url: 'chrome-extension://ours/options.html' } }, 'extension-page'],
    ['a content script on Google', { id: 'ours', url: 'https://www.google.com/search?q=a', tab: { url: 'https://www.google.com/search?q=a' } }, 'content-script'],
  ])('accepts %s', (_name, sender, origin) => {
    expect(senderContext(sender, self)).toEqual({ origin });
  });

  it.each([
    ['another extension', { id: 'theirs', url: 'chrome-extension://theirs/popup.html' }],
    ['our id from a page we do not run on', { id: 'ours', url: 'https://evil.example/', tab: { url: 'https://evil.example/' } }],
    ['no tab and a web URL', { id: 'ours', url: 'https://www.google.com/search?q=a' }],
    ['nothing at all', {}],
  ])('refuses %s', (_name, sender) => {
    expect(senderContext(sender, self)).toBeNull();
  });
});
