import { describe, expect, it } from 'vitest';
import { buildBrandMatcher } from '../../lib/match/brand';
import { suggestsRecommendation } from '../../lib/sentiment/recommends';

const brand = buildBrandMatcher(['Acme Clinic', 'Регистратура']);
const aboutBrand = { brand, linksToClient: false };
const linking = { brand, linksToClient: true };

describe('suggestsRecommendation: recommendations near the brand', () => {
  it.each([
    'I highly recommend Acme Clinic.',
    'Acme Clinic is great, would recommend to anyone.',
    'Recommended: Acme Clinic on Main Street.',
    'My recommendation is Acme Clinic.',
    'Just go to Acme Clinic, they fixed it in a day.',
    'Go with Acme Clinic.',
    'Acme Clinic is the best dentist in town.',
    "I can't recommend Acme Clinic enough!",
    "I wouldn't hesitate to recommend Acme Clinic.",
    'Without hesitation I recommend Acme Clinic.',
    'Acme Clinic - you will not regret it.',
    'Рекомендую Регистратуру всем знакомым.',
    'Очень советую регистратуру на Ленина.',
    'Всем посоветовала Регистратуру, довольна.',
    'Не могу не рекомендовать Регистратуру.',
    'Без колебаний рекомендую Acme Clinic.',
    'Обращайтесь в Регистратуру, не пожалеете.',
    'Горещо препоръчвам регистратурата на д-р Иванов.',
    'Ще ви препоръчам Acme Clinic.',
    'Съветвам ви да отидете в Регистратурата.',
    'Регистратурата е най-добрата клиника в града.',
    'I could not recommend Acme Clinic more.',
    'Without a doubt I recommend Acme Clinic.',
    'I not only recommend Acme Clinic, I send my parents there.',
    'Рекомендую Регистратуру не раздумывая.',
    'Рекомендую не только Регистратуру, но и лабораторию.',
    'I recommend Acme Clinic not BadCorp.',
    'Советую Регистратуру, а не частные клиники.',
  ])('is true for %j', (text) => {
    expect(suggestsRecommendation(text, aboutBrand)).toBe(true);
  });

  it('accepts a brand mention within a dozen words in the next sentence', () => {
    expect(suggestsRecommendation('Went to Acme Clinic last week. Recommend them.', aboutBrand)).toBe(true);
  });

  it('ignores a recommendation far from the brand in another sentence', () => {
    const filler = 'The weather was awful and the bus was late and the road was closed again today.';
    expect(suggestsRecommendation(`Acme Clinic opened a new office. ${filler} ${filler} I recommend a good umbrella.`, aboutBrand)).toBe(
      false,
    );
  });

  it('takes the verdict of the cue nearest to the brand', () => {
    expect(suggestsRecommendation('Avoid BadCorp at all costs, go to Acme Clinic instead.', aboutBrand)).toBe(true);
    expect(suggestsRecommendation('Рекомендую Регистратуру, а Больницу №5 обходите стороной.', aboutBrand)).toBe(true);
    expect(suggestsRecommendation('I recommend BadCorp, avoid Acme Clinic.', aboutBrand)).toBe(false);
  });

  it('is false without the brand and without a link to the client', () => {
    expect(suggestsRecommendation('I highly recommend this place.', aboutBrand)).toBe(false);
    expect(suggestsRecommendation('Рекомендую регистр на сайте.', aboutBrand)).toBe(false);
  });

  it.each([
    'Would you recommend Acme Clinic?',
    'Can anyone recommend a dentist? Acme Clinic maybe.',
    'Посоветуйте клинику, Регистратура нормальная?',
    'Порекомендуйте врача в Регистратуре.',
    'Препоръчайте лекар от регистратурата.',
  ])('is false for a request for advice: %j', (text) => {
    expect(suggestsRecommendation(text, aboutBrand)).toBe(false);
  });

  it.each([
    "I went to Acme Clinic on a friend's recommendation.",
    'Пришел в Регистратуру по рекомендации друзей.',
    'Отидох в регистратурата по препоръка на лекаря.',
    'Рекомендуемых Регистратурой лекарств нет.',
    'Acme Clinic avoids the usual queues.',
    'Acme Clinic helps you avoid long waits.',
  ])('is false when the cue only reports or describes: %j', (text) => {
    expect(suggestsRecommendation(text, aboutBrand)).toBe(false);
  });

  it('still hears an avoid warning that the question does not hold', () => {
    expect(suggestsRecommendation('Should I go? Avoid Acme Clinic.', aboutBrand)).toBe(false);
    expect(suggestsRecommendation('Should I avoid Acme Clinic? I recommend Acme Clinic.', aboutBrand)).toBe(true);
  });

  it('is false for a brand mention without any recommendation', () => {
    expect(suggestsRecommendation('Acme Clinic opens at 9 on weekdays.', aboutBrand)).toBe(false);
  });

  it('does not read "go to" in a story as advice', () => {
    expect(suggestsRecommendation('I had to go to Acme Clinic three times.', aboutBrand)).toBe(false);
  });

  it('does not read "советов" (tips) or "recommendations" of others as a cue unless they recommend', () => {
    expect(suggestsRecommendation('В Регистратуре много советов на стенде.', aboutBrand)).toBe(false);
  });
});

describe('suggestsRecommendation: negation and anti-recommendation', () => {
  it.each([
    'I do not recommend Acme Clinic.',
    "Wouldn't recommend Acme Clinic to anyone.",
    "Don't recommend Acme Clinic.",
    'I would not ever recommend Acme Clinic.',
    'I cannot recommend Acme Clinic.',
    'I hesitate to recommend Acme Clinic.',
    'Never go to Acme Clinic.',
    'Avoid Acme Clinic.',
    'Stay away from Acme Clinic!',
    'I recommend against Acme Clinic.',
    'Acme Clinic was a waste of money.',
    'Не рекомендую Регистратуру.',
    'Никому не советую Регистратуру.',
    'Ни в коем случае не рекомендую регистратуру.',
    'Регистратуру обходите стороной.',
    'Эту регистратуру обходите стороной, хамят.',
    'Держитесь подальше от Регистратуры.',
    'Не препоръчвам регистратурата.',
    'Не бих препоръчал регистратурата.',
    'Няма да препоръчам Acme Clinic.',
    'Стойте далеч от регистратурата.',
    'Избягвайте Acme Clinic.',
    'I recommend not going to Acme Clinic.',
    'I recommend that you do not book Acme Clinic.',
    'Acme Clinic has little to recommend it.',
    'There is nothing to recommend at Acme Clinic.',
    'I doubt I would recommend Acme Clinic.',
    'I used to recommend Acme Clinic.',
    'Советую не связываться с Регистратурой.',
    'Препоръчвам да не ходите в регистратурата.',
  ])('is false for %j', (text) => {
    expect(suggestsRecommendation(text, aboutBrand)).toBe(false);
    expect(suggestsRecommendation(text, linking)).toBe(false);
  });

  it('is false when any brand mention is negated', () => {
    expect(suggestsRecommendation('I used to recommend Acme Clinic. Now I do not recommend Acme Clinic.', aboutBrand)).toBe(false);
  });

  it('does not let a negation in an earlier clause reach the cue', () => {
    expect(suggestsRecommendation('Acme Clinic is not cheap, but I recommend it.', aboutBrand)).toBe(true);
  });
});

describe('suggestsRecommendation: texts linking to the client', () => {
  it.each([
    'Highly recommend this place, booked here: link',
    'Советую, вот сайт.',
    'Препоръчвам ги, ето линк.',
  ])('is true anywhere in %j', (text) => {
    expect(suggestsRecommendation(text, linking)).toBe(true);
    expect(suggestsRecommendation(text, aboutBrand)).toBe(false);
  });

  it('is false when the linking text also warns', () => {
    expect(suggestsRecommendation('Recommend the doctor, but avoid the front desk.', linking)).toBe(false);
  });

  it('is false for a linking text without a recommendation', () => {
    expect(suggestsRecommendation('Here is their price list.', linking)).toBe(false);
  });
});

describe('suggestsRecommendation: edge cases', () => {
  it('is false for empty text', () => {
    expect(suggestsRecommendation('', linking)).toBe(false);
  });

  it('is false with a matcher that has no terms', () => {
    expect(suggestsRecommendation('I recommend Acme Clinic.', { brand: buildBrandMatcher([]), linksToClient: false })).toBe(false);
  });

  it('keeps whole words: a word that only contains a cue is none', () => {
    expect(suggestsRecommendation('Acme Clinic: nonrecommended dosage, unavoidable delays.', aboutBrand)).toBe(false);
  });

  it('stays linear on a huge text full of cues and mentions', () => {
    const started = performance.now();
    const mixed = 'I recommend Acme Clinic and recommend Acme Clinic again '.repeat(2_000);
    expect(suggestsRecommendation(mixed, aboutBrand)).toBe(true);
    const unpunctuated = 'recommend '.repeat(20_000);
    expect(suggestsRecommendation(unpunctuated, aboutBrand)).toBe(false);
    expect(suggestsRecommendation(unpunctuated, linking)).toBe(true);
    // Quadratic scans took tens of seconds here; linear ones take a fraction of one.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('handles a huge text quickly', () => {
    const text = `${'Some ordinary words about the weather and the city, nothing else. '.repeat(5_000)}I recommend Acme Clinic.`;
    const started = performance.now();
    expect(suggestsRecommendation(text, aboutBrand)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
