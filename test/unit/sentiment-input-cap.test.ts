import { describe, expect, it } from 'vitest';
import { analyzedPart, analyzeSentiment, emptyLearnedModel, forgetMark, learnFromMark, MAX_ANALYZED_LENGTH, MAX_WORD_LENGTH } from '@/lib/sentiment';

/** A page decides how long its text and its "words" are: the rules read a bounded part of it, whatever it writes. */
describe('what sentiment reads of a page’s text', () => {
  it('reads only the start of a long text', () => {
    const filler = 'The office is on Main Street, second floor. '.repeat(60);
    expect(filler.length).toBeGreaterThan(MAX_ANALYZED_LENGTH);
    expect(analyzedPart(`${filler}A terrible scam, avoid.`)).toBe(filler.slice(0, MAX_ANALYZED_LENGTH));
    expect(analyzeSentiment(`${filler}A terrible scam, avoid.`).label).toBe('neutral');
    expect(analyzeSentiment(`A terrible scam, avoid. ${filler}`).label).toBe('negative');
  });

  it('skips words no language has, however long, and keeps the rest of the text', () => {
    const token = (letter: string, length: number) => letter.repeat(length);
    expect(analyzedPart(`Great ${token('ж', 20_000)} service`)).toBe('Great  ');
    expect(analyzedPart(`Great ${token('a', MAX_WORD_LENGTH + 1)} service, ${token('b', MAX_WORD_LENGTH)}`)).toBe(
      `Great   service, ${token('b', MAX_WORD_LENGTH)}`,
    );
    expect(analyzedPart(`Rude staff ${token("o'", 30)}`)).toBe('Rude staff  ');
    expect(analyzeSentiment(`Terrible service ${token('ж', 20_000)}`)).toMatchObject({ label: 'negative', lang: 'en' });
  });

  it('learns from a mark what a suggestion reads of its text, no more', () => {
    const text = `Rude staff ${'ж'.repeat(20_000)} ${'The office is on Main Street. '.repeat(100)} wonderful wonderful`;
    const learned = learnFromMark(emptyLearnedModel(), text, 'negative', 'en');
    expect(learned).toEqual(learnFromMark(emptyLearnedModel(), analyzedPart(text), 'negative', 'en'));
    expect(Object.keys(learned.terms).some((term) => term.startsWith('жжж') || term.startsWith('wonderful'))).toBe(false);
    expect(forgetMark(learned, text, 'negative', 'en')).toEqual(forgetMark(learned, analyzedPart(text), 'negative', 'en'));
  });
});
