import { describe, expect, it } from 'vitest';
import { buildBrandMatcher } from '../../lib/match/brand';

function matchedTexts(terms: readonly string[], text: string): string[] {
  return buildBrandMatcher(terms)
    .find(text)
    .map(({ index, length }) => text.slice(index, index + length));
}

describe('buildBrandMatcher: Cyrillic inflection', () => {
  const registry = buildBrandMatcher(['Регистратура']);

  it.each([
    'Регистратура',
    'Позвонил в Регистратуру утром.',
    'У Регистратуры очередь.',
    'Доволен Регистратурой!',
    'Записался в Регистратуре.',
    'Обадих се на регистратурата вчера.',
    'РЕГИСТРАТУРА',
  ])('matches the declined form in %j', (text) => {
    expect(registry.matches(text)).toBe(true);
  });

  it.each([
    'Регистр',
    'Регистрация прошла быстро',
    'регистратурный журнал',
    'Регистраторы',
  ])('does not match the different word %j', (text) => {
    expect(registry.matches(text)).toBe(false);
  });

  it('reports the term, position and full length of a declined form', () => {
    const text = 'Спасибо регистратурата!';
    expect(registry.find(text)).toEqual([{ term: 'Регистратура', index: 8, length: 14 }]);
  });

  it('declines adjectives of a multi-word term', () => {
    expect(matchedTexts(['Городская больница'], 'Лечился в городской больнице, и в Городскую больницу снова пойду.')).toEqual([
      'городской больнице',
      'Городскую больницу',
    ]);
  });

  it('gives no ending to words shorter than four letters', () => {
    expect(matchedTexts(['Мир'], 'Мира, миру, Мир, мирът')).toEqual(['Мир']);
    expect(matchedTexts(['Чай'], 'Чай, чая, чаю')).toEqual(['Чай']);
  });

  it('treats ё and е as one letter in both directions', () => {
    expect(matchedTexts(['Ёлка'], 'елка, Ёлке, Елкой')).toEqual(['елка', 'Ёлке', 'Елкой']);
    expect(buildBrandMatcher(['Елка']).matches('Купил в «Ёлке»')).toBe(true);
  });

  it('matches a decomposed й written as и plus a combining breve', () => {
    expect(buildBrandMatcher(['Майка']).matches('Майка'.normalize('NFD'))).toBe(true);
  });
});

describe('buildBrandMatcher: transliteration', () => {
  it.each([
    ['Регистратура', 'registratura'],
    ['Яндекс', 'Yandex'],
    ['Яндекс', 'iandeks'],
    ['Яндекс', 'Yandeks'],
    ['Щука', 'Shchuka'],
    ['Щука', 'schuka'],
    ['Щука', 'shtuka'],
    ['Хабр', 'Habr'],
    ['Хабр', 'Khabr'],
    ['Цветы', 'Tsvety'],
    ['Цветы', 'Cveti'],
    ['Жук', 'Zhuk'],
    ['Жук', 'juk'],
    ['Юла', 'Iula'],
    ['Дмитрий', 'Dmitry'],
    ['Дмитрий', 'Dmitrij'],
    ['Евросеть', 'Yevroset'],
    ['Евросеть', 'Evroset'],
    ['Объявление', 'Obyavlenie'],
    ['Ъгъл', 'agal'],
  ])('the Cyrillic term %j finds the Latin spelling %j', (term, text) => {
    expect(buildBrandMatcher([term]).matches(`Отзыв: ${text} - ок`)).toBe(true);
  });

  it.each([
    ['registratura', 'Регистратура'],
    ['Yandex', 'Яндекс'],
    ['yandex', 'iandeks'],
    ['Shchuka', 'Щука'],
    ['Schuka', 'щука'],
    ['Khabr', 'Хабр'],
    ['Khabr', 'Habr'],
    ['Tsvety', 'Цветы'],
    ['Zhuk', 'Жук'],
    ['Yulmart', 'Юлмарт'],
    ['Iulmart', 'Yulmart'],
    ['Dmitriy', 'Dmitry'],
    ['Dmitriy', 'Дмитрий'],
    ['Media', 'Медиа'],
  ])('the Latin term %j finds %j', (term, text) => {
    expect(buildBrandMatcher([term]).matches(`Review: ${text}.`)).toBe(true);
  });

  it('declines a Latin brand written in Cyrillic text', () => {
    expect(matchedTexts(['Yandex'], 'Работаю в Яндексе, купил в Яндекс Маркете')).toEqual(['Яндексе', 'Яндекс']);
  });

  it('keeps transliterated variants inside word boundaries', () => {
    expect(buildBrandMatcher(['Яндекс']).matches('superyandex and yandexoid')).toBe(false);
  });
});

describe('buildBrandMatcher: Latin terms and boundaries', () => {
  const acme = buildBrandMatcher(['Acme']);

  it('is case-insensitive and takes possessives', () => {
    expect(matchedTexts(['Acme'], "ACME, acme and Acme's and Acme’s staff")).toEqual(['ACME', 'acme', "Acme's", 'Acme’s']);
  });

  it.each(['Acmeology', 'NotAcme', 'Acme2', 'ЖAcme', 'Acmeв'])('never matches inside the word %j', (text) => {
    expect(acme.matches(text)).toBe(false);
  });

  it('matches next to punctuation and inside a domain name', () => {
    expect(matchedTexts(['Acme'], '(Acme), "Acme"; #Acme visit acme.com')).toEqual(['Acme', 'Acme', 'Acme', 'acme']);
  });

  it('does not find a different Latin word sharing a shorter prefix', () => {
    expect(buildBrandMatcher(['Acme Clinic']).matches('Acme Clin')).toBe(false);
  });

  it('prefers the longer of two terms starting at the same place', () => {
    expect(buildBrandMatcher(['Acme', 'Acme Clinic']).find('I went to Acme Clinic today')).toEqual([
      { term: 'Acme Clinic', index: 10, length: 11 },
    ]);
  });

  it('joins multi-word terms by spaces, dashes or nothing', () => {
    expect(matchedTexts(['Acme Clinic'], 'Acme  Clinic, acme-clinic, AcmeClinic, Acme\nClinic')).toHaveLength(4);
    expect(buildBrandMatcher(['Acme Clinic']).matches('Acme medical clinic')).toBe(false);
  });

  it('keeps digits and symbols of a term literal', () => {
    expect(buildBrandMatcher(['7-Eleven']).matches('Went to 7 Eleven')).toBe(true);
    expect(buildBrandMatcher(['7-Eleven']).matches('Went to 8-Eleven')).toBe(false);
    expect(buildBrandMatcher(["McDonald's"]).matches('mcdonalds is crowded')).toBe(true);
  });
});

describe('buildBrandMatcher: domain terms', () => {
  const domain = buildBrandMatcher(['acme.com']);

  it('matches the domain literally, also as the tail of a subdomain', () => {
    expect(matchedTexts(['acme.com'], 'Visit acme.com or shop.acme.com/cart. ACME.COM!')).toEqual([
      'acme.com',
      'acme.com',
      'ACME.COM',
    ]);
  });

  it.each(['notacme.com', 'acme.com.evil.org', 'acme-com.org', 'acmeXcom', 'acme com'])('does not match %j', (text) => {
    expect(domain.matches(`see ${text} now`)).toBe(false);
  });

  it('reads a pasted address as its host name', () => {
    expect(buildBrandMatcher(['https://www.acme.com/']).matches('acme.com is up')).toBe(true);
  });
});

describe('buildBrandMatcher: edge cases', () => {
  it('never matches without usable terms', () => {
    for (const terms of [[], [''], ['   ']]) {
      const matcher = buildBrandMatcher(terms);
      expect(matcher.matches('anything at all')).toBe(false);
      expect(matcher.find('anything at all')).toEqual([]);
    }
  });

  it('handles empty text', () => {
    const matcher = buildBrandMatcher(['Acme']);
    expect(matcher.matches('')).toBe(false);
    expect(matcher.find('')).toEqual([]);
  });

  it('reports the configured spelling of the term once even when given twice', () => {
    expect(buildBrandMatcher(['Acme', 'ACME']).find('acme')).toEqual([{ term: 'Acme', index: 0, length: 4 }]);
  });

  it('returns the same result when called repeatedly (no leftover regex state)', () => {
    const matcher = buildBrandMatcher(['Acme']);
    expect(matcher.find('Acme and Acme')).toHaveLength(2);
    expect(matcher.find('Acme and Acme')).toHaveLength(2);
    expect(matcher.matches('Acme')).toBe(true);
    expect(matcher.matches('Acme')).toBe(true);
  });

  it('finds every mention in a huge text', () => {
    const chunk = 'Обычный текст про врачей и регистратура, plain filler words; ';
    const text = chunk.repeat(20_000);
    const found = buildBrandMatcher(['Регистратура']).find(text);
    expect(found).toHaveLength(20_000);
    expect(found[19_999]?.index).toBe(chunk.length * 19_999 + chunk.indexOf('регистратура'));
  });

  it('finds every brand in a 2 kB mixed-script text', () => {
    const matcher = buildBrandMatcher(['Acme Clinic', 'Акме Клиник', 'acme.com', 'Регистратура', 'Щука', 'Яндекс']);
    const text = 'Лучшая клиника в городе, friendly staff who really care about Acme clinic. '.repeat(28);
    expect(text.length).toBeGreaterThan(2000);
    expect(matcher.find(text)).toHaveLength(28);
  });
});
