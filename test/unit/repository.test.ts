import { describe, expect, it } from 'vitest';
import { DB_VERSION, openLensDatabase } from '@/lib/db/database';
import { LensRepository, ProjectValidationError, type MentionDraft } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { emptyLearnedModel, learnedModelOf } from '@/lib/sentiment';

let databaseCount = 0;
async function freshRepository() {
  const name = `repository-${databaseCount++}`;
  const db = await openLensDatabase(name);
  return { name, db, repository: new LensRepository(db, normalizeQuery) };
}

/** One search result, unmarked, on a site that is not the client's. */
const RESULT: MentionDraft = {
  canonicalUrl: 'a.com/',
  url: 'https://a.com/',
  domain: 'a.com',
  kind: 'serp-result',
  title: 'A',
  excerpt: '',
  lang: 'en',
  suggested: null,
  flags: { clientSite: false, linksToClient: false, mentionsClient: false },
};

describe('projects', () => {
  it('the first project becomes active; edits keep identity and baseline; deleting falls back to the next', async () => {
    const { repository } = await freshRepository();
    const first = await repository.projects.saveProject({ name: 'First' }, undefined, new Date(2026, 8, 3).getTime());
    const second = await repository.projects.saveProject({ name: 'Second' }, undefined, new Date(2026, 9, 3).getTime());
    expect(await repository.projects.getActiveProjectId()).toBe(first.id);
    const edited = await repository.projects.saveProject({ name: 'First, renamed', keyQueries: ['a'] }, first.id, new Date(2026, 10, 3).getTime());
    expect(edited).toMatchObject({ id: first.id, baselineMonth: '2026-09', name: 'First, renamed', keyQueries: ['a'] });
    await repository.projects.deleteProject(first.id);
    expect((await repository.projects.listProjects()).map((project) => project.id)).toEqual([second.id]);
    expect(await repository.projects.getActiveProjectId()).toBe(second.id);
  });

  it('refuses invalid input whole, naming each field, and saves nothing', async () => {
    const { repository } = await freshRepository();
    const refusal = await repository.projects.saveProject({ name: '', clientDomains: ['x'], targets: { serpPositivity: 2 } }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProjectValidationError);
    expect(Object.keys((refusal as ProjectValidationError).fieldProblems).sort()).toEqual(['clientDomains', 'name', 'targets.serpPositivity']);
    expect(await repository.projects.listProjects()).toEqual([]);
    expect(await repository.projects.getActiveProjectId()).toBeNull();
  });

  it('deleting a project removes its mentions, snapshots, aggregates and per-project settings', async () => {
    const { db, repository } = await freshRepository();
    const project = await repository.projects.saveProject({ name: 'P', keyQueries: ['q'] });
    await repository.mentions.observePage({
      projectId: project.id,
      engine: 'google',
      serp: { query: 'q', firstRank: 1 },
      items: [RESULT],
      at: Date.now(),
    });
    await repository.mentions.setMark(project.id, RESULT, { sentiment: 'positive', recommends: false });
    expect(await db.count('mentions')).toBe(1);
    const settingsBefore = await db.count('settings');
    await repository.projects.deleteProject(project.id);
    expect([await db.count('mentions'), await db.count('snapshots'), await db.count('aggregates')]).toEqual([0, 0, 0]);
    // The learned model and the marked-mention counter went with it; only the active-project setting stays.
    expect(settingsBefore).toBe(3);
    expect((await db.getAll('settings')).map((setting) => setting.key)).toEqual(['activeProjectId']);
  });
});

describe('the popup report', () => {
  it('reads what the projects and aggregates repositories read one by one, in one transaction', async () => {
    const { repository } = await freshRepository();
    expect(await repository.aggregates.popupReport(undefined, '2026-11')).toEqual({ projects: [], activeProjectId: null, project: null, report: null });
    const first = await repository.projects.saveProject({ name: 'First', keyQueries: ['q'] }, undefined, new Date(2026, 8, 3).getTime());
    const second = await repository.projects.saveProject({ name: 'Second' }, undefined, new Date(2026, 9, 3).getTime());
    const at = new Date(2026, 10, 5).getTime();
    await repository.mentions.observePage({ projectId: first.id, engine: 'google', serp: { query: 'q', firstRank: 1 }, items: [RESULT], at });
    await repository.mentions.setMark(first.id, RESULT, { sentiment: 'positive', recommends: false }, at);

    const active = await repository.aggregates.popupReport(undefined, '2026-11');
    expect(active).toEqual({
      projects: await repository.projects.listProjects(),
      activeProjectId: first.id,
      project: await repository.projects.getProject(first.id),
      report: await repository.aggregates.kpiReport(first.id, '2026-11'),
    });
    expect(active.report?.markedCount).toBe(1);
    const chosen = await repository.aggregates.popupReport(second.id, '2026-11');
    expect(chosen.project?.id).toBe(second.id);
    expect(chosen.report).toEqual(await repository.aggregates.kpiReport(second.id, '2026-11'));

    await repository.projects.deleteProject(first.id);
    expect((await repository.aggregates.popupReport(undefined, '2026-11')).activeProjectId).toBe(second.id);
    await expect(repository.aggregates.popupReport(first.id, '2026-11')).rejects.toThrow(/This project no longer exists/);
  });
});

describe('the learned model', () => {
  // A post is learned from by its own text, never by its thread's title.
  const draftOf = (n: number, text: string): MentionDraft => ({
    canonicalUrl: `forum.example/t/1#p${n}`,
    url: `https://forum.example/t/1#p${n}`,
    domain: 'forum.example',
    kind: 'forum-post',
    title: 'Банк: отзывы клиентов',
    excerpt: text,
    lang: 'ru',
    suggested: null,
    flags: { clientSite: false, linksToClient: false, mentionsClient: false },
  });
  const drafts = [draftOf(1, 'Приложение подвисает'), draftOf(2, 'Кешбэк пришёл'), draftOf(3, 'Офис переехал')];

  it('learns each new mark and steps back from a mark taken back', async () => {
    const { repository } = await freshRepository();
    const project = await repository.projects.saveProject({ name: 'Bank' });
    const at = new Date(2026, 10, 3).getTime();
    await repository.mentions.setMark(project.id, drafts[0]!, { sentiment: 'negative', recommends: false }, at);
    await repository.mentions.setMark(project.id, drafts[1]!, { sentiment: 'positive', recommends: false }, at + 1);
    await repository.mentions.setMark(project.id, drafts[2]!, { sentiment: 'neutral', recommends: false }, at + 2);
    expect(await repository.mentions.getLearnedModel(project.id)).toEqual(
      learnedModelOf([
        { text: drafts[0]!.excerpt, label: 'negative', lang: 'ru' },
        { text: drafts[1]!.excerpt, label: 'positive', lang: 'ru' },
        { text: drafts[2]!.excerpt, label: 'neutral', lang: 'ru' },
      ]),
    );
    // Changed mind on the first, cleared the second: one fewer negative and positive, one more positive.
    await repository.mentions.setMark(project.id, drafts[0]!, { sentiment: 'positive', recommends: false }, at + 3);
    await repository.mentions.setMark(project.id, drafts[1]!, { sentiment: null, recommends: false }, at + 4);
    expect((await repository.mentions.getLearnedModel(project.id))?.marks).toEqual([0, 1, 1]);
    await repository.mentions.setMark(project.id, drafts[0]!, { sentiment: null, recommends: false }, at + 5);
    await repository.mentions.setMark(project.id, drafts[2]!, { sentiment: 'irrelevant', recommends: false }, at + 6);
    const forgotten = await repository.mentions.getLearnedModel(project.id);
    expect(forgotten?.marks).toEqual([0, 0, 0]);
    const empty = emptyLearnedModel();
    const drift = (forgotten?.bias ?? [1, 1, 1]).map((weight, index) => Math.abs(weight - (empty.bias[index] ?? 0)));
    expect(Math.max(...drift)).toBeLessThan(0.01);
  });

  it('rebuilds a model stored by an older version from the marks instead of dropping them', async () => {
    const { db, repository } = await freshRepository();
    const project = await repository.projects.saveProject({ name: 'Bank' });
    const at = new Date(2026, 10, 3).getTime();
    await repository.mentions.setMark(project.id, drafts[0]!, { sentiment: 'negative', recommends: false }, at);
    const olderModel = { version: 1, marks: [1, 0, 0], termTotals: [2, 0, 0], terms: { приложен: [1, 0, 0], подвиса: [1, 0, 0] } };
    await db.put('settings', { key: `learned:${project.id}`, value: olderModel });
    expect(await repository.mentions.getLearnedModel(project.id)).toBeUndefined();
    await repository.mentions.setMark(project.id, drafts[1]!, { sentiment: 'positive', recommends: false }, at + 1);
    expect(await repository.mentions.getLearnedModel(project.id)).toEqual(
      learnedModelOf([
        { text: drafts[0]!.excerpt, label: 'negative', lang: 'ru' },
        { text: drafts[1]!.excerpt, label: 'positive', lang: 'ru' },
      ]),
    );
  });
});

describe('database', () => {
  it('reopening keeps the data (version 1 is the base of the migration ladder)', async () => {
    const { name, db, repository } = await freshRepository();
    await repository.projects.saveProject({ name: 'Kept' });
    db.close();
    const reopened = await openLensDatabase(name);
    expect(reopened.version).toBe(DB_VERSION);
    expect([...reopened.objectStoreNames].sort()).toEqual(['aggregates', 'mentions', 'portals', 'projects', 'promotion', 'settings', 'snapshots', 'topSlots']);
    expect((await reopened.getAll('projects')).map((project) => project.name)).toEqual(['Kept']);
    reopened.close();
  });
});
