import { BOOST, DAMPEN, phraseMap, valenceMap, type LanguageRules } from './profile.ts';

// Our own Bulgarian review and reputation vocabulary (no maintained Bulgarian sentiment lexicon is published on
// npm besides machine-translated AFINN). Prefixes cover inflection, definite articles and derivation
// ("препоръч" -> препоръчвам, препоръчах, препоръчително).

const NEGATORS = new Set(
  `не няма нямаше нямам нямаш нямаме нямате нямат нито никога никак без никакъв никаква никакво никакви спря спряха
  престана престанаха`.split(/\s+/),
);

const BOOSTERS = new Map<string, number>([
  ...`много изключително извънредно особено страшно доста напълно абсолютно твърде прекалено наистина толкова
  безкрайно най определено съвсем истински хич`
    .split(/\s+/)
    .map((word): [string, number] => [word, BOOST]),
  ...'малко леко донякъде почти едва сравнително'.split(/\s+/).map((word): [string, number] => [word, DAMPEN]),
]);

const WORDS = valenceMap({
  '2.5': 'браво',
  '2': 'мерси благодаря екстра уау вау легенда',
  '1.5': 'мил мила мило фен лайк',
  '1': 'ок окей евтино бързо',
  '-1': 'студ студено',
  '-1.5': 'жалко уви боли',
  '-2': 'жалък',
});

// Matched against the stem as well as the word, so masculine forms with a fleeting vowel ("страхотен" ->
// "страхотн") find their entry. Entries valued 0 stop a shorter, misleading one: asking for a recommendation
// ("препоръчайте") is not giving one.
const PREFIXES = valenceMap({
  '3': 'страхотн чудесн прекрасн отличн перфектн великолепн обожава шедьов',
  '2.5': 'вкусн щастлив удоволств идеалн влюб уникалн очаров',
  '2.2': 'симпатич учтив',
  '2': `препоръч благодар хубав доволн харесв харес любим обичам удобн качествен приятн радвам зарадва
  успешн полезн красив забавн готин яко супер професионал любезн уютн допад похвал хвал велик`,
  '1.5': 'добр добър помог интересн надежд доверие сладк внимателн невероятн хаха ахах',
  '2.3': 'кеф',
  '1': 'лесн бърз евтин чист спокойн',
  '0.5': 'препорък',
  '0': 'препоръчайте препоръчате гадж',
  '-1': 'скъп отказ повред загуб забележк грешк липс',
  '-1.5': 'проблем болк стрес страх съжал плач бавн сърди слаб скандал скучн дизлайк',
  '-2': `дразн издразн досад тъп глуп грозн жалк груб развал счуп дефект вред опасн оплак жалб неудобн
  неприятн неефектив безполез мръсн нерв изнерв ядос тъжн срам вулгар безинтерес некадър потрес`,
  '-2.5': `лош разочаров недоволн боклук мизер нахал некомпетент непрофесионал лъж мраз крад краж невкусн гадн
  гадост`,
  '-3': 'измам мошени ужас кошмар отвратит безобраз',
});

const PHRASES = phraseMap({
  '-2': 'не става | да се желае',
  '0': 'добър ден | добро утро | добър вечер',
});

export const BULGARIAN: LanguageRules = {
  negators: NEGATORS,
  negatingSuffixes: [],
  boosters: BOOSTERS,
  intensifyingWords: new Set('ужасно адски зверски кошмарно'.split(' ')),
  questionParticles: new Set(['ли']),
  seekingWords: new Set('търся търсим търсех търсихме'.split(' ')),
  contrasts: new Set(['но', 'обаче', 'ала', 'ама']),
  words: WORDS,
  prefixes: PREFIXES,
  phrases: PHRASES,
  failures: valenceMap({
    '-1.5': 'работ действ помага помогн отговар зарежд връзк интернет сигнал ефект резултат получава',
  }),
  licensedWords: new Map(),
};
