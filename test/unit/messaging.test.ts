import { describe, expect, it, vi } from 'vitest';
import { dispatchMessage, MAX_OBSERVED_ITEMS, protocol, RemoteError, send, type Handlers, type RequestType, type SenderOrigin } from '@/lib/messaging';

type Context = { origin: SenderOrigin };

function handlers(overrides: Partial<Handlers<Context>> = {}): Handlers<Context> {
  const fail = async () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(protocol).map((type) => [type, fail])) as unknown as Handlers<Context>;
  return { ...all, 'projects.list': async () => ({ projects: [], activeProjectId: null }), ...overrides };
}

const context: Context = { origin: 'content-script' };
const extensionPage: Context = { origin: 'extension-page' };
const googlePage = { url: 'https://www.google.com/search?q=a', site: 'google', kind: 'serp' };

describe('message protocol', () => {
  it.each([
    ['not an object', 'hello'],
    ['no type', { payload: {} }],
    ['unknown type', { type: 'db.dropEverything', payload: {} }],
    ['payload of the wrong shape', { type: 'mark.set', payload: { sentiment: 'great' } }],
    ['too many items', { type: 'page.observe', payload: { page: googlePage, items: Array(MAX_OBSERVED_ITEMS + 1).fill({ url: 'https://a.com/', title: '', snippet: '' }) } }],
  ])('answers %s with an error, never an exception', async (_name, message) => {
    const reply = await dispatchMessage(message, context, handlers());
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^The request could not be carried out\. /);
  });

  it('answers a bad month with an error', async () => {
    const reply = await dispatchMessage({ type: 'kpi.get', payload: { month: '2026-13' } }, extensionPage, handlers());
    expect(reply).toEqual({ ok: false, error: 'The request could not be carried out. month: Must be a month written as YYYY-MM, e.g. 2026-11.' });
  });

  it('passes a valid request to its handler and validates the answer', async () => {
    const observe = vi.fn(async () => ({ projectId: null, projectName: null, minSuggestionConfidence: 0, items: [] }));
    const reply = await dispatchMessage(
      { type: 'page.observe', payload: { page: googlePage, items: [{ url: 'https://a.com', title: 'A', snippet: '' }] } },
      context,
      handlers({ 'page.observe': observe }),
    );
    expect(reply).toEqual({ ok: true, data: { projectId: null, projectName: null, minSuggestionConfidence: 0, items: [] } });
    expect(observe).toHaveBeenCalledWith(
      expect.objectContaining({ items: [{ url: 'https://a.com', title: 'A', snippet: '', linkedUrls: [] }] }),
      context,
    );
  });

  it('turns a handler failure into an error answer', async () => {
    const reply = await dispatchMessage({ type: 'kpi.get', payload: {} }, extensionPage, handlers());
    expect(reply.ok).toBe(false);
    expect(reply).toEqual({ ok: false, error: 'Something went wrong: not under test' });
  });

  it('a handler answer that breaks its schema is an error, not a leak', async () => {
    const reply = await dispatchMessage(
      { type: 'projects.list', payload: {} },
      extensionPage,
      handlers({ 'projects.list': async () => ({ projects: 'oops' }) as never }),
    );
    expect(reply.ok).toBe(false);
  });

  it('the sender side unwraps answers and raises remote errors', async () => {
    await expect(send(async () => ({ ok: false, error: 'Sender not allowed' }), 'projects.list', {})).rejects.toThrow(RemoteError);
    await expect(send(async () => undefined, 'projects.list', {})).rejects.toThrow(/No valid answer/);
    await expect(
      send(async () => ({ ok: true, data: { projects: [], activeProjectId: null } }), 'projects.list', {}),
    ).resolves.toEqual({ projects: [], activeProjectId: null });
  });
});

/** Who may send what: a content script only what its own page needs; everything else is the extension's own pages'. */
const CONTENT_SCRIPT_REQUESTS: RequestType[] = ['page.observe', 'mark.set', 'page.status', 'overrides.get', 'dashboard.open'];

describe('who may send what', () => {
  it('lets content scripts send only what their own page needs', () => {
    const fromContentScripts = (Object.keys(protocol) as RequestType[]).filter((type) => protocol[type].sender === 'content-script');
    expect(fromContentScripts.sort()).toEqual([...CONTENT_SCRIPT_REQUESTS].sort());
  });

  it.each((Object.keys(protocol) as RequestType[]).filter((type) => !CONTENT_SCRIPT_REQUESTS.includes(type)))(
    'refuses %s from a content script before its handler or its payload is looked at',
    async (type) => {
      const handler = vi.fn(async () => ({}));
      const reply = await dispatchMessage({ type, payload: 'not even an object' }, context, handlers({ [type]: handler }));
      expect(reply).toEqual({ ok: false, error: 'This request was refused: it may only come from the extension’s own pages.' });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it.each(CONTENT_SCRIPT_REQUESTS)('refuses %s from an extension page, which has no page of its own', async (type) => {
    const reply = await dispatchMessage({ type, payload: {} }, extensionPage, handlers());
    expect(reply).toEqual({ ok: false, error: 'This request was refused: it may only come from a page being tagged.' });
  });
});

describe('page content over the limits', () => {
  it('cuts an oversized item to the limits instead of refusing its page', async () => {
    const observe = vi.fn(async () => ({ projectId: null, projectName: null, minSuggestionConfidence: 0, items: [] }));
    const huge = 'x'.repeat(1_000_000);
    const links = Array.from({ length: 300 }, (_, index) => `https://l${index}.example/`);
    const items = [
      { url: 'https://a.example/', title: huge, snippet: huge, text: huge, author: huge, dateIso: huge, linkedUrls: [`https://long.example/${huge}`, ...links] },
      { url: 'https://b.example/', title: 'B', snippet: 'fine' },
    ];
    const reply = await dispatchMessage({ type: 'page.observe', payload: { page: googlePage, items } }, context, handlers({ 'page.observe': observe }));
    expect(reply.ok).toBe(true);
    type Parsed = { title: string; snippet: string; text?: string; author?: string; dateIso?: string; linkedUrls: string[] };
    const [{ items: parsed }] = observe.mock.calls[0] as unknown as [{ items: Parsed[] }];
    expect(parsed.map((item) => [item.title.length, item.snippet.length, item.text?.length, item.author?.length, item.dateIso])).toEqual([
      [2000, 20_000, 100_000, 500, undefined],
      [1, 4, undefined, undefined, undefined],
    ]);
    // The overlong link is dropped, and of the rest the first 200 are kept.
    expect(parsed[0]!.linkedUrls).toEqual(links.slice(0, 200));
  });

  it.each([
    ['an item', { url: 'javascript:alert(1)', title: '', snippet: '' }, 'items[0].url'],
    ['a link in an item', { url: 'https://a.example/', title: '', snippet: '', linkedUrls: ['data:text/html,<script>'] }, 'items[0].linkedUrls[0]'],
  ])('refuses a page.observe whose %s is no web address, saying so', async (_name, item, path) => {
    const reply = await dispatchMessage({ type: 'page.observe', payload: { page: googlePage, items: [item] } }, context, handlers());
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(`${path}: Only http and https addresses are accepted, not `) });
  });
});
