import { valenceMap } from './profile.ts';

/** Our own valences for common emoji (VADER scale); emoji sequences are looked up by their first symbol. */
export const EMOJI = valenceMap({
  '3': '😍 🥰 😻 💯 🏆 🤩 ❤ 💖 💕 💗 💓 💞 💘 ♥',
  '2.5': '😂 🤣 😁 😄 😃 😊 ☺ 😘 🥳 🎉 🎊 👏 🙌 💪 👍 ✨ 🌟 ⭐ 🔥 🙏 💙 💚 💛 💜 🧡 🤍 🖤',
  '2': '😀 😆 😉 😋 😎 🤗 😇 😌 🙂 👌 ✌ 🤝 ✅ 🎁 🌹 🌸 💐 😺 😸 😹',
  '1': '😅 😜 😝 😛 🤪 😏 🤓',
  '-1': '😐 😑 😶 🙄 😬 🤔 😕 😒 🥴',
  '-2': '🙁 ☹ 😞 😔 😟 😣 😖 😫 😩 😓 😥 😪 🤒 🤕 🤢 🤮 👎 💩 ❌ ⛔ 🚫 😷 🥺',
  '-2.5': '😢 😭 😠 😤 💔 😰 😨 😱 🤬 😡 👿 🖕',
});

/**
 * Western emoticons the tokenizer recognises, rated by VADER's lexicon when it has them; otherwise the mouth
 * decides: ) ] D P 3 * smile, ( [ / \ | frown.
 */
export function emoticonValenceByShape(emoticon: string): number {
  if (emoticon === '<3' || emoticon.startsWith('<33')) return 3;
  if (emoticon === '</3') return -2.5;
  if (/^\^.?\^$/.test(emoticon) || /^[xX][dD]+$/.test(emoticon)) return 2;
  if (/^[tT]_[tT]$/.test(emoticon)) return -2;
  if (emoticon === '-_-') return -1;
  const mouth = emoticon[emoticon.length - 1] ?? '';
  if (')]DPp3*'.includes(mouth)) return 1.5;
  if ('([/\\|'.includes(mouth)) return -1.5;
  return 0;
}

/** The bracket smiles of Cyrillic web writing: ")" and "))" smile, "(" and "((" frown; doubling is stronger. */
export const BRACKET_EMOTICONS: ReadonlyMap<string, number> = new Map([
  [')', 1.5],
  ['))', 2],
  ['(', -1.5],
  ['((', -2],
]);
