import type { ClientFlags, LabelState } from '../schema';

/** The words of the client badges, wherever a mention's badges are shown (tag rows, dashboard, report). */
export const BADGE_TEXT: Record<keyof ClientFlags, string> = {
  clientSite: 'client site',
  linksToClient: 'links to client',
  mentionsClient: 'mentions client',
  competitor: 'competitor',
};

export function badgesOf(flags: ClientFlags): (keyof ClientFlags)[] {
  return (Object.keys(BADGE_TEXT) as (keyof ClientFlags)[]).filter((flag) => flags[flag] === true);
}

/** "negative (your mark)", "positive (suggested)": how a mention counts, in words. */
export function labelText(label: LabelState): string {
  if (label === 'unlabeled') return 'no label';
  const [source, sentiment] = label.split(':');
  return `${sentiment} (${source === 'marked' ? 'your mark' : 'suggested'})`;
}
