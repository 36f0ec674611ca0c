// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditedSitesPanel } from '@/components/AuditedSitesPanel';
import { PageTools, type PageToolsState } from '@/components/PageTools';
import { PortalsPanel } from '@/components/PortalsPanel';
import { PrivacyPanel } from '@/components/PrivacyPanel';
import type { MentionRow, PortalRow } from '@/lib/messaging';

const root = () => document.body.firstElementChild as HTMLElement;
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(node: preact.ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
}

afterEach(() => {
  render(null, root());
  document.body.replaceChildren();
});

const HOSTILE = '<img src=x onerror="alert(1)">';

const PORTAL: PortalRow = {
  domain: 'forum.example.org',
  kind: 'forum',
  engine: 'generic',
  threads: 2,
  mentions: 5,
  byLabel: { positive: 2, neutral: 1, negative: 1, irrelevant: 0, unmarked: 1 },
  hasLinkToClient: true,
  lastActivityAt: Date.UTC(2024, 3, 10),
  popularity: null,
  note: '',
};

const MENTION: MentionRow = {
  canonicalUrl: 'https://forum.example.org/t/1#p2',
  url: 'javascript:alert(1)',
  domain: 'forum.example.org',
  kind: 'forum-post',
  title: HOSTILE,
  excerpt: HOSTILE,
  item: { canonicalUrl: 'x', suggested: { label: 'negative', score: -0.5, recommends: false }, mark: null, flags: { clientSite: false, linksToClient: false, mentionsClient: false } },
  months: ['2024-04'],
  lastSeen: 1,
};

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('portals panel', () => {
  it('shows one row per portal, saves popularity and note, and lists mentions as text', async () => {
    const onSave = vi.fn();
    const onToggleMentions = vi.fn();
    mount(<PortalsPanel portals={[PORTAL]} openMentions={{ [PORTAL.domain]: [MENTION] }} onSave={onSave} onToggleMentions={onToggleMentions} />);
    const row = byTestId('portal-row');
    expect(row.dataset.domain).toBe('forum.example.org');
    expect(row.textContent).toContain('generic (a guess)');
    expect(byTestId('portal-links').textContent).toBe('yes');
    const save = byTestId('portal-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    type(byTestId('portal-popularity') as HTMLInputElement, '-3');
    await settle();
    expect(save.disabled).toBe(true);
    type(byTestId('portal-popularity') as HTMLInputElement, '12000');
    type(byTestId('portal-note') as HTMLInputElement, 'big Russian forum');
    await settle();
    save.click();
    expect(onSave).toHaveBeenCalledWith('forum.example.org', 12000, 'big Russian forum');
    byTestId('portal-mentions-toggle').click();
    expect(onToggleMentions).toHaveBeenCalledWith('forum.example.org');
    const mentions = byTestId('portal-mentions');
    expect(mentions.querySelector('img')).toBeNull();
    expect(mentions.textContent).toContain(HOSTILE);
    expect(mentions.querySelector('a')!.hasAttribute('href')).toBe(false);
  });
});

describe('audited sites panel', () => {
  it('lists each origin with the engine found last and a Revoke button', () => {
    const onRevoke = vi.fn();
    const last = { url: 'https://forum.example.org/t/1', itemsFound: 12, blocksSeen: 12, at: 1 };
    mount(<AuditedSitesPanel sites={[{ origin: 'https://forum.example.org', engine: 'generic', last }]} onRevoke={onRevoke} />);
    const site = byTestId('audited-site');
    expect(site.dataset.origin).toBe('https://forum.example.org');
    expect(site.textContent).toContain('generic (a guess): 12 posts');
    byTestId('revoke-site').click();
    expect(onRevoke).toHaveBeenCalledWith('https://forum.example.org');
  });
});

describe('popup page tools', () => {
  const state: PageToolsState = {
    origin: 'https://reviews.example',
    canAudit: true,
    audited: false,
    canMark: true,
    passage: null,
    current: { ...MENTION.item, mark: { sentiment: 'negative', recommends: true, at: 1, suggestedAtMark: null } },
    busy: false,
    error: null,
  };

  it('offers the audit and the five marks, pressed as stored', () => {
    const onAudit = vi.fn();
    const onMark = vi.fn();
    mount(<PageTools state={state} onAudit={onAudit} onMark={onMark} />);
    byTestId('audit-site').click();
    expect(onAudit).toHaveBeenCalled();
    const pressed = ['positive', 'neutral', 'negative', 'irrelevant', 'recommends'].map(
      (action) => byTestId(`page-mark-${action}`).getAttribute('aria-pressed'),
    );
    expect(pressed).toEqual(['false', 'false', 'true', 'false', 'true']);
    expect(byTestId('page-mark-status').textContent).toBe('This page is marked negative · recommends.');
    byTestId('page-mark-positive').click();
    expect(onMark).toHaveBeenCalledWith('positive');
  });

  it('on an audited site offers no audit, and says which passage a mark applies to', () => {
    mount(<PageTools state={{ ...state, canAudit: false, audited: true, passage: HOSTILE, current: null }} onAudit={vi.fn()} onMark={vi.fn()} />);
    expect(document.querySelector('[data-testid="audit-site"]')).toBeNull();
    expect(byTestId('site-audited').textContent).toContain('https://reviews.example');
    expect(document.querySelector('.passage')!.textContent).toBe(`“${HOSTILE}”`);
    expect(document.querySelector('img')).toBeNull();
    expect(byTestId('page-mark-status').textContent).toBe('The selected passage is not marked yet.');
  });
});

describe('privacy panel', () => {
  it('switches storing from private windows and clears the active project’s history', () => {
    const onStoreIncognitoChange = vi.fn();
    const onClearHistory = vi.fn();
    mount(<PrivacyPanel storeIncognito={false} activeProjectName="Acme" busy={false} onStoreIncognitoChange={onStoreIncognitoChange} onClearHistory={onClearHistory} />);
    const incognito = byTestId('privacy-store-incognito') as HTMLInputElement;
    expect(incognito.checked).toBe(false);
    incognito.click();
    expect(onStoreIncognitoChange).toHaveBeenCalledWith(true);
    const clear = byTestId('privacy-clear-history') as HTMLButtonElement;
    expect(clear.textContent).toContain('“Acme”');
    clear.click();
    expect(onClearHistory).toHaveBeenCalledOnce();
  });

  it('offers nothing to clear without a project, and no switch until the setting is read', () => {
    mount(<PrivacyPanel storeIncognito={null} activeProjectName={null} busy={false} onStoreIncognitoChange={vi.fn()} onClearHistory={vi.fn()} />);
    expect((byTestId('privacy-store-incognito') as HTMLInputElement).disabled).toBe(true);
    expect((byTestId('privacy-clear-history') as HTMLButtonElement).disabled).toBe(true);
  });
});
