import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BackupWriter, parseBackup, parseBackupFile, type Backup, type BackupReading } from '@/lib/backup/format';
import { problemText } from '@/lib/i18n/problems';

/** A reading with its refusal said in English, as the tests below compare it. */
const said = (reading: BackupReading) => (reading.ok ? reading : { ok: false, error: problemText(reading.problem, 'en') });
import { MAX_BACKUP_BYTES } from '@/lib/backup/limits';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository, type MentionDraft } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { NO_FIGURES, type PromotionMonth } from '@/lib/promotion';
import { monthOf } from '@/lib/schema';
import { inKeyOrder } from '@/lib/schema/key-order';
import { serializeBackup } from '../support/backup';

let databaseCount = 0;
async function freshRepository() {
  const db = await openLensDatabase(`backup-${databaseCount++}`);
  return { db, repository: new LensRepository(db, normalizeQuery) };
}

const draft = (n: number, overrides: Partial<MentionDraft> = {}): MentionDraft => ({
  canonicalUrl: `site${n}.example/page`,
  url: `https://site${n}.example/page`,
  domain: `site${n}.example`,
  kind: 'serp-result',
  title: `Result ${n} <b>кириллица</b>`,
  excerpt: 'Snippet, with "quotes"',
  lang: 'en',
  suggested: { label: 'positive', score: 0.4, recommends: false },
  flags: { clientSite: false, linksToClient: n % 2 === 0, mentionsClient: true },
  ...overrides,
});

/** A project with two months of observations, marks, a forum portal, a promotion month and a learned model. */
async function filledRepository() {
  const { db, repository } = await freshRepository();
  const project = await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme'], clientDomains: ['acme.com'] }, undefined, new Date(2026, 9, 2).getTime());
  for (const [monthIndex, at] of [new Date(2026, 9, 5).getTime(), new Date(2026, 10, 5).getTime()].entries()) {
    const items = Array.from({ length: 6 }, (_, n) => draft(n + monthIndex));
    await repository.mentions.observePage({ projectId: project.id, engine: 'google', serp: { query: 'acme', firstRank: 1 }, items, at });
    await repository.mentions.setMark(project.id, items[0]!, { sentiment: 'negative', recommends: false }, at + 1);
    await repository.mentions.setMark(project.id, items[1]!, { sentiment: 'positive', recommends: true }, at + 2);
    const post = draft(100 + monthIndex, { kind: 'forum-post', canonicalUrl: `forum.example/t/1#p${monthIndex}`, url: `https://forum.example/t/1#p${monthIndex}`, domain: 'forum.example', linkedUrls: ['https://acme.com/'] });
    await repository.mentions.observePage({
      projectId: project.id,
      engine: 'phpbb',
      portal: { domain: 'forum.example', kind: 'forum', engine: 'phpbb', threadUrl: 'forum.example/t/1', newestPostAt: at - 1000, at },
      items: [post],
      at,
    });
  }
  const promotion: PromotionMonth = {
    projectId: project.id,
    month: '2026-11',
    channels: [{ name: 'VK', actual: { ...NO_FIGURES, spend: 12_000.5, clicks: 960 }, plan: { ...NO_FIGURES, spend: 10_000 } }],
    updatedAt: new Date(2026, 10, 6).getTime(),
  };
  await repository.promotion.saveMonth(promotion);
  return { db, repository, project, promotion };
}

describe('backup files', () => {
  it('export -> wipe -> import -> export gives the same file, and the same KPIs', async () => {
    const { repository, project, promotion } = await filledRepository();
    const month = monthOf(new Date(2026, 10, 5).getTime());
    const before = await repository.aggregates.kpiReport(project.id, month);
    const file = serializeBackup(await repository.backup.exportProjects());
    expect(file.startsWith(`{"format": "${BACKUP_FORMAT}"`)).toBe(true);
    await repository.projects.deleteProject(project.id);
    expect(await repository.projects.listProjects()).toEqual([]);

    const reading = parseBackup(file);
    if (!reading.ok) throw new Error(problemText(reading.problem, 'en'));
    const counts = await repository.backup.importBackup(reading.backup);
    expect(counts.projects).toEqual({ written: 1, kept: 0 });
    expect(counts.mentions.written).toBe(reading.backup.mentions.length);
    expect(counts.promotion).toEqual({ written: 1, kept: 0 });
    expect(await repository.promotion.getMonth(project.id, '2026-11')).toEqual(promotion);
    expect(serializeBackup(await repository.backup.exportProjects())).toBe(file);
    expect(await repository.aggregates.kpiReport(project.id, month)).toEqual(before);
    expect(await repository.projects.getActiveProjectId()).toBe(project.id);
  });

  it('merges by identity: a newer record wins, an older one is kept out', async () => {
    const { repository, project } = await filledRepository();
    const backup = await repository.backup.exportProjects();
    const [older, newer] = [structuredClone(backup.mentions[0]!), structuredClone(backup.mentions[1]!)];
    older.mark = { sentiment: 'positive', recommends: false, at: 1, suggestedAtMark: null };
    older.lastSeen = 1;
    newer.mark = { sentiment: 'irrelevant', recommends: false, at: Date.now() + 60_000, suggestedAtMark: null };
    const counts = await repository.backup.importBackup({ ...backup, mentions: [older, newer], snapshots: [], portals: [], learned: [] });
    expect(counts.mentions).toEqual({ written: 1, kept: 1 });
    expect(counts.projects).toEqual({ written: 0, kept: 1 });
    const stored = (await repository.backup.exportProjects([project.id])).mentions;
    expect(stored.find((mention) => mention.canonicalUrl === older.canonicalUrl)?.mark).toEqual(backup.mentions[0]!.mark);
    expect(stored.find((mention) => mention.canonicalUrl === newer.canonicalUrl)?.mark?.sentiment).toBe('irrelevant');
  });

  it('merges promotion months by project and month: a later save wins', async () => {
    const { repository, project, promotion } = await filledRepository();
    const backup = await repository.backup.exportProjects();
    const older = { ...promotion, channels: [], updatedAt: promotion.updatedAt - 1 };
    expect((await repository.backup.importBackup({ ...backup, promotion: [older] })).promotion).toEqual({ written: 0, kept: 1 });
    expect(await repository.promotion.getMonth(project.id, '2026-11')).toEqual(promotion);
    const newer = { ...promotion, channels: [], updatedAt: promotion.updatedAt + 1 };
    expect((await repository.backup.importBackup({ ...backup, promotion: [newer] })).promotion).toEqual({ written: 1, kept: 0 });
    expect(await repository.promotion.getMonth(project.id, '2026-11')).toEqual(newer);
  });
});

describe('months frozen by retention', () => {
  /** filledRepository's project keeping one month of searches, seen in November: October's searches are deleted. */
  async function retainedRepository() {
    const filled = await filledRepository();
    const { repository, project } = filled;
    await repository.projects.saveProject({ ...project, retentionMonths: 1 }, project.id);
    expect((await repository.history.applyRetention(project.id, new Date(2026, 10, 20).getTime())).keptFrom).toBe('2026-11');
    return filled;
  }

  it('keep their counters through export -> wipe -> import -> export, the same file', async () => {
    const { repository, project } = await retainedRepository();
    const october = await repository.aggregates.kpiReport(project.id, '2026-10');
    expect(october.kpis.some((kpi) => kpi.value !== null)).toBe(true);
    const file = serializeBackup(await repository.backup.exportProjects());
    const reading = parseBackup(file);
    if (!reading.ok) throw new Error(problemText(reading.problem, 'en'));
    expect(reading.backup.frozenMonths.map((aggregate) => aggregate.month)).toEqual(['2026-10']);
    expect(reading.backup.snapshots.every((snapshot) => snapshot.month === '2026-11')).toBe(true);

    await repository.projects.deleteProject(project.id);
    expect((await repository.backup.importBackup(reading.backup)).frozenMonths).toEqual({ written: 1, kept: 0 });
    expect(await repository.aggregates.kpiReport(project.id, '2026-10')).toEqual(october);
    expect(serializeBackup(await repository.backup.exportProjects())).toBe(file);
  });

  it('are refused when the file says the project kept their searches', async () => {
    const { repository } = await retainedRepository();
    const backup = JSON.parse(serializeBackup(await repository.backup.exportProjects())) as Backup;
    backup.frozenMonths[0]!.month = '2026-11';
    expect(said(parseBackup(JSON.stringify(backup)))).toMatchObject({ ok: false, error: 'frozenMonths[0].month: 2026-11 is not before 2026-11, the first month whose searches the project keeps.' });
    delete backup.projects[0]!.searchesKeptFrom;
    backup.frozenMonths[0]!.month = '2026-10';
    expect(said(parseBackup(JSON.stringify(backup)))).toMatchObject({ ok: false, error: 'frozenMonths[0].month: 2026-10 is frozen, but the project deleted no searches.' });
  });
});

describe('canonical backup text', () => {
  it('writes every field of every record, keys sorted at every depth, whatever order they were built in', async () => {
    const backup = await (await filledRepository()).repository.backup.exportProjects();
    const scrambled = (record: object) => Object.fromEntries(Object.entries(record).reverse());
    const text = serializeBackup({ ...backup, mentions: backup.mentions.map(scrambled) as never, snapshots: backup.snapshots.map(scrambled) as never });
    expect(text).toBe(serializeBackup(backup));
    const sortedAtEveryDepth = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.every(sortedAtEveryDepth)
        : value === null || typeof value !== 'object' || (Object.keys(value).join() === Object.keys(value).sort().join() && Object.values(value).every(sortedAtEveryDepth));
    const written = JSON.parse(text) as Backup;
    for (const kind of ['projects', 'mentions', 'snapshots', 'portals', 'learned'] as const) expect(sortedAtEveryDepth(written[kind]), kind).toBe(true);
    expect(written.mentions).toEqual(expect.arrayContaining(backup.mentions));
    expect(written.snapshots).toEqual(expect.arrayContaining(backup.snapshots));
  });
});

describe('records stored with their keys in order, as a backup writes them', () => {
  const keysInOrderAtEveryDepth = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.every(keysInOrderAtEveryDepth)
      : value === null || typeof value !== 'object' || (Object.keys(value).join() === Object.keys(value).sort().join() && Object.values(value).every(keysInOrderAtEveryDepth));

  it('holds for mentions observed, marked and imported', async () => {
    const { db, repository, project } = await filledRepository();
    const stored = await db.getAll('mentions');
    expect(stored.some((mention) => mention.mark !== null)).toBe(true);
    expect(stored.every(keysInOrderAtEveryDepth)).toBe(true);
    const backup = await repository.backup.exportProjects();
    await repository.projects.deleteProject(project.id);
    const reversed = (record: object) => Object.fromEntries(Object.entries(record).reverse());
    await repository.backup.importBackup({ ...backup, mentions: backup.mentions.map(reversed) as never });
    expect((await db.getAll('mentions')).every(keysInOrderAtEveryDepth)).toBe(true);
  });

  it('leaves a record already in order as it is and sorts a copy of any other', () => {
    const ordered = { a: 1, b: { c: [{ d: 1, e: 2 }] } };
    expect(inKeyOrder(ordered)).toBe(ordered);
    const scrambled = { b: { c: [{ e: 2, d: 1 }] }, a: 1 };
    const sorted = inKeyOrder(scrambled);
    expect(JSON.stringify(sorted)).toBe(JSON.stringify(ordered));
    expect(Object.keys(scrambled)).toEqual(['b', 'a']);
  });
});

describe('a backup written as it is read', () => {
  it('is the same file as one written at once, across slices of mentions and projects whose ids share a start', async () => {
    const ids = ['acme', 'acme\u0000old'];
    const { db, repository } = await freshRepository();
    const named = new LensRepository(db, normalizeQuery, () => ids.shift()!);
    const projects = [await named.projects.saveProject({ name: 'Acme', keyQueries: ['acme'] }), await named.projects.saveProject({ name: 'Old', keyQueries: ['acme'] })];
    const at = new Date(2026, 10, 5).getTime();
    // More mentions than one slice of reading, put straight into the store: observing them one by one would take minutes.
    const tx = db.transaction('mentions', 'readwrite');
    for (let n = 0; n < 11_000; n++) {
      const { linkedUrls: _links, ...fields } = draft(n);
      void tx.store.put({ ...fields, projectId: projects[n % 2]!.id, mark: null, months: [monthOf(at)], firstSeen: at, lastSeen: at });
    }
    await tx.done;
    const pieces: string[] = [];
    const slices: number[] = [];
    const writer = new BackupWriter((text) => pieces.push(text));
    await repository.backup.readBackup(undefined, (kind, records) => {
      if (kind === 'mentions') slices.push(records.length);
      writer.write(kind, records);
    });
    writer.end();
    expect(slices.length).toBeGreaterThan(projects.length);
    const whole = await repository.backup.exportProjects();
    expect(whole.mentions).toHaveLength(11_000);
    expect(pieces.join('')).toBe(serializeBackup({ ...whole, mentions: [...whole.mentions].reverse() }));
  });
});

describe('backup files that cannot be read are refused whole, saying where and why', () => {
  const valid = async (): Promise<Backup> => (await filledRepository()).repository.backup.exportProjects();

  it('broken JSON: the line and column', () => {
    expect(said(parseBackup('{"format": "reputation-lens-backup",\n  "version": 1,\n  "projects": [}'))).toEqual({
      ok: false,
      error: expect.stringMatching(/^This is not valid JSON: “}” at line 3, column 16/),
    });
  });

  it('another file, or another version', () => {
    expect(said(parseBackup('[1, 2]'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a Reputation Lens backup/) });
    expect(said(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 2 })))).toMatchObject({ ok: false, error: expect.stringMatching(/version 2; this version of the extension reads version 1/) });
  });

  it('a file written before promotion months were backed up still reads, with none', async () => {
    const { promotion: _left, ...earlier } = JSON.parse(serializeBackup(await valid())) as Backup;
    expect(said(parseBackup(JSON.stringify(earlier)))).toMatchObject({ ok: true, backup: { promotion: [] } });
  });

  it('a wrong value: the record and the field', async () => {
    const backup = await valid();
    (backup.mentions[3] as { mark: unknown }).mark = { sentiment: 'great', recommends: false, at: 1 };
    expect(said(parseBackup(serializeBackup(backup)))).toMatchObject({ ok: false, error: expect.stringMatching(/^mentions\[\d+\]\.mark\.sentiment: /) });
  });

  it('the same record twice, or a record of a project the file does not hold', async () => {
    const backup = await valid();
    const twice = JSON.parse(serializeBackup(backup)) as Backup;
    twice.mentions.push(twice.mentions[0]!);
    expect(said(parseBackup(JSON.stringify(twice)))).toMatchObject({ ok: false, error: `mentions[${twice.mentions.length - 1}] repeats mentions[0]: the same record twice.` });
    const orphan = JSON.parse(serializeBackup(backup)) as Backup;
    orphan.portals[0]!.projectId = 'elsewhere';
    expect(said(parseBackup(JSON.stringify(orphan)))).toMatchObject({ ok: false, error: expect.stringMatching(/^portals\[0\]\.projectId: there is no project with id “elsewhere”/) });
  });

  it('a 50 MB file that is not a backup is refused with a message; one over the limit is not even read', async () => {
    const fifty = `[${'"x",'.repeat((50 * 1024 * 1024) / 4)}"x"]`;
    expect(said(await parseBackupFile(new Blob([fifty])))).toMatchObject({ ok: false, error: expect.stringMatching(/not a Reputation Lens backup/) });
    const huge = { size: MAX_BACKUP_BYTES + 1, text: () => Promise.reject(new Error('read')) } as Blob;
    expect(said(await parseBackupFile(huge))).toMatchObject({ ok: false, error: 'The file is 200 MB; backups up to 200 MB are read.' });
  });

  it('a refused file writes nothing; markup in titles is kept as text', async () => {
    const { db, repository } = await freshRepository();
    const reading = parseBackup('{"format": "reputation-lens-backup", "version": 1, "projects": "none"}');
    expect(reading.ok).toBe(false);
    expect(await db.count('projects')).toBe(0);
    const backup = await valid();
    const imported = parseBackup(serializeBackup(backup));
    if (!imported.ok) throw new Error(problemText(imported.problem, 'en'));
    await repository.backup.importBackup(imported.backup);
    expect((await repository.backup.exportProjects()).mentions.some((mention) => mention.title.includes('<b>кириллица</b>'))).toBe(true);
  });
});
