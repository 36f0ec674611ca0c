import type { SentimentLanguage } from './types.ts';
import { lexiconFor } from './lexicon.ts';
import { tokenize, type Token } from './tokenize.ts';

/** Letters Bulgarian spelling does not use. */
const RUSSIAN_ONLY_LETTERS = new Set(['ы', 'э', 'ё']);

/**
 * Frequent short words that occur in only one of the two languages (or are far more frequent in it).
 * Shared words (и, в, на, за, от, да, не …) carry no vote.
 */
const RUSSIAN_WORDS = new Set([
  'что', 'это', 'как', 'так', 'он', 'она', 'оно', 'они', 'мы', 'вы', 'его', 'её', 'ее', 'их', 'был', 'была', 'было',
  'были', 'есть', 'уже', 'если', 'когда', 'только', 'ещё', 'еще', 'чтобы', 'который', 'которая', 'которое',
  'которые', 'очень', 'тоже', 'меня', 'мне', 'нет', 'себя', 'этот', 'эта', 'эти', 'всё', 'можно', 'нужно', 'надо',
  'сейчас', 'теперь', 'пожалуйста', 'здравствуйте', 'также', 'сразу', 'здесь', 'тут', 'где', 'почему', 'потому', 'хотя', 'вообще', 'спасибо', 'быть', 'будет',
  'будут', 'чем', 'тем', 'через', 'после', 'даже', 'пока', 'ничего', 'со', 'ко', 'во', 'какой', 'такой',
]);
const BULGARIAN_WORDS = new Set([
  'е', 'са', 'съм', 'си', 'сме', 'сте', 'ще', 'във', 'със', 'които', 'който', 'която', 'което', 'това', 'този',
  'тази', 'тези', 'аз', 'ние', 'вие', 'те', 'ми', 'ти', 'му', 'ѝ', 'го', 'ги', 'няма', 'нещо', 'всичко', 'вече',
  'обаче', 'ако', 'защото', 'какво', 'тук', 'кога', 'къде', 'още', 'само', 'добре', 'сега', 'беше', 'бяха', 'бях',
  'има', 'имам', 'мен', 'мене', 'тя', 'той', 'тях', 'също', 'след', 'преди', 'нищо', 'никой', 'някой', 'някои',
  'нали', 'ами', 'ме', 'нямам', 'може', 'трябва', 'мисля', 'здравейте', 'повече', 'харесвам', 'хареса', 'харесва', 'нея', 'него',
  'бъде', 'утре', 'защо', 'наистина', 'кой', 'коя', 'кое', 'според', 'както', 'така', 'като', 'пък',
  'хубаво', 'хубав',
]);

/** Word endings typical of one language: Bulgarian definite articles, Russian adjective and verb endings. */
const BULGARIAN_ENDINGS = ['ията', 'ието'];
const RUSSIAN_ENDINGS = ['ий', 'ая', 'ое', 'ого', 'ому', 'ой', 'ает', 'яет', 'ует', 'ет', 'ся'];

const voteMemo = new Map<string, number>();
const VOTE_MEMO_LIMIT = 50_000;

function memoisedVote(word: string): number {
  let vote = voteMemo.get(word);
  if (vote === undefined) {
    if (voteMemo.size >= VOTE_MEMO_LIMIT) voteMemo.clear();
    vote = cyrillicWordVote(word);
    voteMemo.set(word, vote);
  }
  return vote;
}

function cyrillicWordVote(word: string): number {
  let vote = 0;
  if (RUSSIAN_WORDS.has(word)) vote -= 1;
  if (BULGARIAN_WORDS.has(word)) vote += 1;
  for (let i = 0; i < word.length; i += 1) {
    const letter = word[i] as string;
    if (RUSSIAN_ONLY_LETTERS.has(letter)) vote -= 3;
    else if (letter === 'ъ') {
      // Russian writes ъ only as a separator before е/ё/ю/я; Bulgarian uses it as a vowel anywhere.
      const next = word[i + 1];
      vote += next === undefined || 'еёюя'.includes(next) ? 0 : 3;
    } else if (letter === 'ь') {
      // Bulgarian ь appears only in "ьо".
      vote += word[i + 1] === 'о' ? 1 : -2;
    }
  }
  if (word.length > 3) {
    if (BULGARIAN_ENDINGS.some((ending) => word.endsWith(ending))) vote += 0.5;
    if (RUSSIAN_ENDINGS.some((ending) => word.endsWith(ending))) vote -= 0.5;
  }
  return vote;
}

/** Below this the letters and function words have not settled Russian vs Bulgarian. */
const DECISIVE_VOTE = 1;

/**
 * Short reviews often hold no function word at all ("Страхотен магазин"), but their sentiment words are usually
 * spelled the way only one of the two languages spells them: a word only the Bulgarian lexicon rates votes
 * Bulgarian, one only the Russian lexicon rates votes Russian.
 */
function sentimentVocabularyVote(tokens: readonly Token[]): number {
  let vote = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' || token.script !== 'cyrillic') continue;
    const bulgarian = lexiconFor('bg').infoOf(token.text);
    const russian = lexiconFor('ru').infoOf(token.text);
    const ratedInBulgarian = bulgarian.valence !== 0 || bulgarian.negator || bulgarian.boost !== 0;
    const ratedInRussian = russian.valence !== 0 || russian.negator || russian.boost !== 0;
    if (ratedInBulgarian && !ratedInRussian) vote += 1;
    else if (ratedInRussian && !ratedInBulgarian) vote -= 1;
  }
  return vote;
}

/**
 * Tells English, Russian and Bulgarian apart: the script decides Latin vs Cyrillic (a capitalised Latin word
 * inside Cyrillic text is usually a brand, so it weighs less), then letters, endings and function words that
 * only one of the two Cyrillic languages uses vote. Undecided Cyrillic text is Russian, the more frequent of the
 * two on the web.
 */
export function languageOfTokens(tokens: readonly Token[]): SentimentLanguage {
  let cyrillicWeight = 0;
  let latinWeight = 0;
  let bulgarianVote = 0;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    if (token.script === 'cyrillic') {
      cyrillicWeight += 1;
      bulgarianVote += memoisedVote(token.text);
    } else if (token.script === 'latin' && token.text.length > 1) {
      latinWeight += token.capitalized || token.shouted ? 0.4 : 1;
    }
  }
  if (latinWeight > cyrillicWeight || cyrillicWeight === 0) return 'en';
  if (Math.abs(bulgarianVote) < DECISIVE_VOTE) bulgarianVote += sentimentVocabularyVote(tokens);
  return bulgarianVote > 0 ? 'bg' : 'ru';
}

export function detectLanguage(text: string): SentimentLanguage {
  return languageOfTokens(tokenize(text).tokens);
}
