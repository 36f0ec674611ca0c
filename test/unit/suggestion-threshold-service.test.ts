import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, testService, type TestService } from '../support/service';
import type { ResponseOf } from '@/lib/messaging';

const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'Acme Clinic', firstRank: 1 };
const SCAM = { rank: 1, url: 'https://scam.example.com/acme', title: 'Acme Clinic is a scam', snippet: 'Terrible, rude staff. Avoid.' };
const FINE = { rank: 2, url: 'https://blog.example.net/acme', title: 'Acme Clinic', snippet: 'The room was fine.' };
const input = { name: 'Acme', keyQueries: ['acme clinic'] };

let call: TestService['call'];
let clock: number;

beforeEach(async () => {
  clock = new Date(2026, 10, 12).getTime();
  ({ call } = await testService({ now: () => clock }));
});

async function serpPositivity(): Promise<number | null | undefined> {
  const answer: ResponseOf<'kpi.get'> = await call('kpi.get', {});
  return answer.report?.kpis.find((kpi) => kpi.key === 'serp-positivity')?.value;
}

describe('the project’s minimum suggestion confidence', () => {
  it('a new threshold takes unsure suggestions out of the popup’s KPIs at once; a mark brings its result back', async () => {
    const saved = await call('projects.save', { input });
    if (!saved.saved) throw new Error(JSON.stringify(saved.fieldErrors));
    const observed: ResponseOf<'page.observe'> = await call('page.observe', { page, items: [SCAM, FINE] }, CONTENT_SCRIPT);
    const [scam, fine] = observed.items.map((item) => item.suggested);
    expect(scam).toMatchObject({ label: 'negative' });
    expect(scam!.confidence).toBeGreaterThan(0.4);
    expect(fine).toMatchObject({ label: 'positive' });
    expect(fine!.confidence).toBeLessThan(0.4);
    // Every suggestion counts by default: one positive of two.
    expect(await serpPositivity()).toBe(0.5);

    await call('projects.save', { id: saved.project.id, input: { ...input, minSuggestionConfidence: 0.4 } });
    // The unsure positive is shown but not counted: the sure negative is all that is left.
    expect(await serpPositivity()).toBe(0);
    const drilldown: ResponseOf<'drilldown.get'> = await call('drilldown.get', {});
    expect(drilldown.lists[0]!.entries.map((entry) => entry.label)).toEqual(['suggested:negative', 'unlabeled']);
    // A new sighting counts by the same rule.
    await call('page.observe', { page, items: [SCAM, FINE] }, CONTENT_SCRIPT);
    expect(await serpPositivity()).toBe(0);

    await call('mark.set', { page, item: FINE, sentiment: 'positive', recommends: false }, CONTENT_SCRIPT);
    expect(await serpPositivity()).toBe(0.5);
  });
});
