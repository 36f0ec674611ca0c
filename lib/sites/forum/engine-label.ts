/** The id the generic finder of post-like blocks reports instead of a forum engine's. */
export const GENERIC_FINDER = 'generic';

/** How a finder is named to the user: the generic finder's result is a guess, and says so. */
export function engineLabel(engine: string): string {
  return engine === GENERIC_FINDER ? 'generic (a guess)' : engine;
}
