import type { ClientFlags } from '../schema';

/** The client badges in the order every screen shows them (their words: lib/i18n/marks.ts). */
const BADGE_ORDER: readonly (keyof ClientFlags)[] = ['clientSite', 'linksToClient', 'mentionsClient', 'competitor'];

export function badgesOf(flags: ClientFlags): (keyof ClientFlags)[] {
  return BADGE_ORDER.filter((flag) => flags[flag] === true);
}
