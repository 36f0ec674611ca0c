import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../../lib/sentiment/index.ts';

const labelOf = (text: string): string => analyzeSentiment(text).label;
const scoreOf = (text: string): number => analyzeSentiment(text).score;

describe('analyzeSentiment: the contract', () => {
  it('returns a label, a score in [-1, 1], the language and a confidence', () => {
    const result = analyzeSentiment('The support team was friendly and fixed everything.');
    expect(result).toEqual({ label: 'positive', score: expect.any(Number), lang: 'en', confidence: expect.any(Number) });
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('keeps the language it is given', () => {
    expect(analyzeSentiment('Много е хубаво', { lang: 'bg' }).lang).toBe('bg');
  });

  it('answers neutral with score 0 for empty or sentiment-free text', () => {
    expect(analyzeSentiment('')).toEqual({ label: 'neutral', score: 0, lang: 'en', confidence: 0 });
    expect(analyzeSentiment('   \n\t ')).toMatchObject({ label: 'neutral', score: 0 });
    expect(analyzeSentiment('The office is on Main Street, second floor.')).toMatchObject({ label: 'neutral', score: 0 });
    expect(analyzeSentiment('Офис находится на втором этаже.')).toMatchObject({ label: 'neutral', score: 0, lang: 'ru' });
  });

  it('handles huge input quickly and stays within [-1, 1]', () => {
    const huge = 'Отличный сервис, всем рекомендую! '.repeat(20_000);
    const started = performance.now();
    const result = analyzeSentiment(huge);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.label).toBe('positive');
    expect(result.score).toBeLessThanOrEqual(1);
    expect(analyzeSentiment('terrible '.repeat(50_000)).score).toBeGreaterThanOrEqual(-1);
  });
});

describe('English', () => {
  it('reads review vocabulary', () => {
    expect(labelOf('This company is a scam, total fraud.')).toBe('negative');
    expect(labelOf('I highly recommend this dentist.')).toBe('positive');
    expect(labelOf('The food was bland and overpriced.')).toBe('negative');
  });

  it("reads review words VADER lacks from Hu & Liu's opinion lexicon", () => {
    expect(labelOf('The handle is clunky and the lid is leaky.')).toBe('negative');
    expect(labelOf('Setup was seamless and the app is snappy.')).toBe('positive');
    expect(labelOf('The portions were skimpy.')).toBe('negative');
    expect(labelOf('The workmanship is not exquisite.')).toBe('negative');
  });

  it('negates', () => {
    expect(labelOf('The hotel was good.')).toBe('positive');
    expect(labelOf('The hotel was not good.')).toBe('negative');
    expect(labelOf("I wouldn't recommend them.")).toBe('negative');
    expect(labelOf('No problems at all with the delivery.')).toBe('positive');
  });

  it('reads a denied function as a failure: "doesn\'t work"', () => {
    expect(labelOf("The app doesn't work after the update.")).toBe('negative');
  });

  it('intensifies and softens', () => {
    expect(scoreOf('The staff was very helpful.')).toBeGreaterThan(scoreOf('The staff was helpful.'));
    expect(scoreOf('The staff was slightly helpful.')).toBeLessThan(scoreOf('The staff was helpful.'));
  });

  it('weighs what follows "but" more', () => {
    expect(labelOf('The room was nice but the service was terrible.')).toBe('negative');
    expect(labelOf('The room was awful but the staff were wonderful and kind.')).toBe('positive');
  });

  it('reads "like" as liking only when someone likes', () => {
    expect(labelOf('I like this bakery.')).toBe('positive');
    expect(labelOf('It looks like a bakery.')).toBe('neutral');
  });

  it('reads emoticons and emoji', () => {
    expect(labelOf('Delivery came today :)')).toBe('positive');
    expect(labelOf('Delivery came today :(')).toBe('negative');
    expect(labelOf('Delivery came today 😍')).toBe('positive');
    expect(labelOf('Delivery came today 😡')).toBe('negative');
  });

  it('reads "kind of" as a hedge and chat abbreviations that spell ordinary words as those words', () => {
    expect(labelOf('It is the kind of shop that sells everything.')).toBe('neutral');
    expect(labelOf('The staff were kind.')).toBe('positive');
    expect(labelOf('He held my hand at the door.')).toBe('neutral');
    expect(labelOf('The report was signed by L. Smith.')).toBe('neutral');
    expect(labelOf('They serve slaw with the fish.')).toBe('neutral');
  });

  it('reads HTML entities as the characters they encode, even twice encoded', () => {
    expect(labelOf('Love this place &lt;3')).toBe('positive');
    expect(scoreOf('ok &gt;&gt;&gt; the menu')).toBe(scoreOf('ok >>> the menu'));
    expect(labelOf('Fish &amp;amp; chips &gt; burgers')).toBe('neutral');
  });

  it('lets capitals emphasise when the rest is not shouted', () => {
    expect(scoreOf('The checkout is GREAT here')).toBeGreaterThan(scoreOf('The checkout is great here'));
  });
});

describe('Russian', () => {
  it('survives inflection', () => {
    expect(labelOf('Ужасный банк')).toBe('negative');
    expect(labelOf('Ужасное обслуживание')).toBe('negative');
    expect(labelOf('Ужасными тарифами')).toBe('negative');
    expect(labelOf('Отличная клиника')).toBe('positive');
    expect(labelOf('В отличном состоянии')).toBe('positive');
  });

  it('reads review vocabulary', () => {
    expect(labelOf('Это развод, они мошенники')).toBe('negative');
    expect(labelOf('Рекомендую эту компанию всем')).toBe('positive');
  });

  it('negates', () => {
    expect(labelOf('Не рекомендую эту компанию')).toBe('negative');
    expect(labelOf('Обслуживание не очень хорошее')).toBe('negative');
    expect(labelOf('Всё прошло без проблем')).toBe('positive');
    expect(labelOf('Интернет опять не работает')).toBe('negative');
  });

  it('intensifies', () => {
    expect(scoreOf('очень хороший магазин')).toBeGreaterThan(scoreOf('хороший магазин'));
  });

  it('reads bracket smiles and frowns', () => {
    expect(labelOf('Заказ пришёл сегодня)))')).toBe('positive');
    expect(labelOf('Заказ так и не пришёл((')).toBe('negative');
    expect(labelOf('Заказ (номер 15) пришёл сегодня')).toBe('neutral');
  });
});

describe('Bulgarian', () => {
  it('survives inflection and definite articles', () => {
    expect(labelOf('Страхотен магазин')).toBe('positive');
    expect(labelOf('Страхотната услуга')).toBe('positive');
    expect(labelOf('Ужасно обслужване')).toBe('negative');
  });

  it('reads review vocabulary', () => {
    expect(labelOf('Това е измама, пазете се от тях')).toBe('negative');
    expect(labelOf('Препоръчвам този зъболекар')).toBe('positive');
  });

  it('negates', () => {
    expect(labelOf('Не е добре')).toBe('negative');
    expect(labelOf('Не съм доволна от тях')).toBe('negative');
    expect(labelOf('Нямам оплаквания')).toBe('positive');
  });

  it('intensifies', () => {
    expect(scoreOf('много доволна')).toBeGreaterThan(scoreOf('доволна'));
  });
});

describe('mixed-language text', () => {
  it('detects the language of each item separately', () => {
    expect(analyzeSentiment('Great service, thank you!')).toMatchObject({ lang: 'en', label: 'positive' });
    expect(analyzeSentiment('Отличный сервис, спасибо!')).toMatchObject({ lang: 'ru', label: 'positive' });
    expect(analyzeSentiment('Страхотно обслужване, благодаря!')).toMatchObject({ lang: 'bg', label: 'positive' });
  });

  it('rates Latin words inside Cyrillic text with the English lexicon', () => {
    expect(analyzeSentiment('Доставка от София, just awful').label).toBe('negative');
    expect(analyzeSentiment('Купил телефон, всё super, love it').label).toBe('positive');
  });

  it('does not read the names of apps and bands inside Cyrillic text through the review lexicon', () => {
    expect(analyzeSentiment('Дъщеря ми играе Clash of Clans всяка вечер.').label).toBe('neutral');
    expect(analyzeSentiment('Вчера слушали Blur на концерте в Москве.').label).toBe('neutral');
    expect(analyzeSentiment('The sound was a blur.').label).toBe('negative');
  });
});

describe('words that intensify when a sentiment word follows', () => {
  it('boosts the next word instead of counting on their own', () => {
    expect(labelOf('Беше ужасно')).toBe('negative');
    expect(labelOf('Ужасно вкусно')).toBe('positive');
    expect(labelOf('Было ужасно')).toBe('negative');
    expect(labelOf('Было ужасно интересно')).toBe('positive');
    expect(labelOf('Страшно доволна съм')).toBe('positive');
  });
});

describe('names', () => {
  it('does not read a capitalised English name inside a sentence as an opinion', () => {
    expect(labelOf('We picked it up at Best Buy on Monday.')).toBe('neutral');
    expect(labelOf('The nurses at Happy Valley Clinic were rude.')).toBe('negative');
    expect(labelOf('Great staff, quick service.')).toBe('positive');
  });

  it('reads a word with a capital inside as a brand, in any language', () => {
    expect(labelOf('Подключил СуперБИТ вчера вечером')).toBe('neutral');
    expect(labelOf('Подключил супер тариф вчера вечером')).toBe('positive');
    expect(labelOf('Got the new iPhone from SuperDeals today')).toBe('neutral');
  });

  it('does not read praise in a short quotation: a title, a name or irony', () => {
    expect(labelOf('Ростелеком провел праздник «Активное лето» в парке')).toBe('neutral');
    expect(labelOf('Списали деньги без предупреждения. "Шикарная" политика.')).toBe('negative');
    expect(labelOf('They call it "premium" support and it is awful.')).toBe('negative');
    expect(labelOf('The staff were "rude" and "slow".')).toBe('negative');
  });
});

describe('idioms', () => {
  it('reads "leaves much to be desired" as criticism in every language', () => {
    expect(labelOf('The service leaves a lot to be desired.')).toBe('negative');
    expect(labelOf('Обслуживание оставляет желать лучшего.')).toBe('negative');
    expect(labelOf('Обслужването оставя много да се желае.')).toBe('negative');
  });

  it('reads "stopped" as denying what stopped: "перестал работать", "спря да работи"', () => {
    expect(labelOf('Интернет перестал работать.')).toBe('negative');
    expect(labelOf('Приложението спря да работи.')).toBe('negative');
  });
});

describe('questions', () => {
  it('does not read praise in a question as praise', () => {
    expect(labelOf('Can anyone recommend a good plumber near the station?')).toBe('neutral');
    expect(labelOf('Кто-нибудь знает хороший банк для вклада?')).toBe('neutral');
    expect(labelOf('Можете ли да препоръчате добър зъболекар?')).toBe('neutral');
  });

  it('reads a Bulgarian "ли" clause as a question without a question mark', () => {
    expect(labelOf('Здравейте, бихте ли препоръчали хубав ресторант за рожден ден.')).toBe('neutral');
    expect(labelOf('Ресторантът е хубав.')).toBe('positive');
  });

  it('does not read praise that is sought as praise: "търся хубав", "посоветуйте хороший"', () => {
    expect(labelOf('Търся хубав ресторант с градина за кръщене.')).toBe('neutral');
    expect(labelOf('Посоветуйте хороший стоматолог в центре.')).toBe('neutral');
    expect(labelOf('Ищу хороший сервис. Нашел, очень доволен!')).toBe('positive');
  });

  it('still reads criticism put as a question', () => {
    expect(labelOf('Who would pay for this junk?')).toBe('negative');
    expect(labelOf('Why is the support so rude?')).toBe('negative');
  });

  it('keeps praise in the statement before the question and in "?!"', () => {
    expect(labelOf('The pasta was wonderful, when will they open a second place?')).toBe('positive');
    expect(labelOf('The pasta was wonderful. When will they open a second place?')).toBe('positive');
    expect(labelOf('Is that the best pizza in town?!')).toBe('positive');
  });
});
