/** The id the generic finder of post-like blocks reports instead of a forum engine's. */
export const GENERIC_FINDER = 'generic';
