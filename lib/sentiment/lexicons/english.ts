import { BOOST, DAMPEN, phraseMap, valenceMap, type LanguageRules } from './profile.ts';

// Negators, boosters and the contrast rule follow VADER (Hutto & Gilbert 2014); the vocabulary below is ours:
// words of product, service and company reviews that general-purpose lexicons lack or rate too mildly.

const NEGATORS = new Set(
  `not no never none nothing nowhere neither nor without cannot cant aint arent couldnt didnt doesnt dont hadnt
  hasnt havent isnt mightnt mustnt neednt shant shouldnt wasnt werent wont wouldnt nope rarely seldom hardly
  lack lacks lacked lacking`.split(/\s+/),
);

const BOOSTERS = new Map<string, number>([
  ...`absolutely amazingly awfully completely considerably decidedly deeply enormously entirely especially
  exceptionally extremely fabulously freaking fully greatly highly hugely incredibly intensely majorly
  particularly purely quite really remarkably so substantially thoroughly totally tremendously unbelievably
  unusually utterly very super truly seriously insanely ridiculously most more pretty`
    .split(/\s+/)
    .map((word): [string, number] => [word, BOOST]),
  ...`almost barely kinda kindof less little marginally occasionally partly scarcely slightly somewhat sorta
  fairly mildly`
    .split(/\s+/)
    .map((word): [string, number] => [word, DAMPEN]),
]);

const WORDS = valenceMap({
  '3': 'superb outstanding phenomenal exceptional flawless impeccable incredible masterful',
  '2.5': `lifesaver tasty scrumptious mouthwatering gem unbeatable gripping riveting captivating breathtaking
  must-see`,
  '2': `reliable sturdy durable trustworthy legit legitimate courteous attentive knowledgeable professional
  affordable refreshing memorable touching heartwarming witty cozy spacious flavorful juicy skilled appealing
  believable authentic`,
  '1.5': `works recommend recommended recommending recommends decent solid smooth responsive prompt polite fast
  quick quickly efficient handy intuitive comfy crisp crispy spotless tender watchable sleek accurate
  educational favourite`,
  '1': 'fine reasonable reasonably inexpensive bargain helpful moving',
  '-1': 'late slow slowly noisy pricey expensive returned return returning refund crowded salty cold thin',
  '-1.5': `mediocre bland overpriced flimsy cheaply unhelpful unresponsive issue issues glitch glitches buggy
  laggy crashes crashed freezes froze stale soggy greasy undercooked overcooked lukewarm tasteless
  overrated uninspired forgettable pointless meh predictable cheesy wooden tedious clumsy shallow hollow
  underwhelming inattentive cheap`,
  '-2': `unreliable junk garbage rubbish inedible unprofessional overcharged beware misleading shoddy
  defective faulty lousy subpar sloppy incompetence unusable unwatchable refunded pretentious unfunny
  filthy smelly trash senseless plotless unbearable absurd cringe flawed poorly awfully`,
  '-2.5': 'ripoff scammed scammer scammers scamming fraudster fraudsters atrocious',
  '-3': 'scam scams fraud fraudulent swindle swindled',
  // VADER's chat abbreviations that spell an ordinary word or an initial ("hand" = have a nice day): in
  // ordinary writing they are a hand, coleslaw and an initial ("L. Smith").
  '0': 'hand slaw l',
});

const PHRASES = phraseMap({
  // VADER's own special case: "kind of" is a hedge ("kind of slow"), not kindness.
  '0': 'kind of',
  '3': 'highly recommend | highly recommended | would recommend | five stars | 5 stars | thumbs up | two thumbs',
  '2': `works great | works well | worked great | worked well | well made | well worth | great value | must see |
  a must | go back | come back | be back | coming back | going back | came back | will return`,
  '1.5': 'no complaints | no problems | no issues | works fine | worked fine | as described | as advertised',
  '-1.5': `not worth | stay away | falls apart | fell apart | at best | below average | off putting | over rated |
  sent back | send back | sent it back | send it back`,
  '-2': `waste of | wasted my | to be desired | stopped working | quit working | never again | poor quality | poorly made |
  broke after | one star | thumbs down | a joke | 1 star`,
  '-2.5': `do not buy | don't buy | never buy | rip off | ripped off | total waste | con artist | no stars |
  zero stars | 0 stars | don't waste | do not waste | dont waste | waste your time | waste your money`,
});

export const ENGLISH: LanguageRules = {
  negators: NEGATORS,
  negatingSuffixes: ["n't"],
  boosters: BOOSTERS,
  intensifyingWords: new Set('terribly awfully insanely crazy'.split(' ')),
  questionParticles: new Set(),
  seekingWords: new Set(),
  contrasts: new Set(['but', 'however']),
  words: WORDS,
  prefixes: new Map(),
  phrases: PHRASES,
  failures: valenceMap({
    '-1.5': 'work function load respond answer connect charg fit last help',
  }),
  licensedWords: new Map([
    [
      'like',
      new Set(
        `i we you they he she who people really also still truly actually do does did don't doesn't didn't
        dont doesnt didnt to totally definitely just`.split(/\s+/),
      ),
    ],
  ]),
};
