import type { PageQueries } from './queries';
import type { ForumDefinition } from './types';

/**
 * Which forum engine made a page, from its markup alone (any domain may run any engine). A
 * generator meta naming an engine is the strongest evidence and is checked for every definition
 * before any structural marker, because themes and plugins borrow each other's class names.
 * In Node the markers are answered from the page's index: a page of no known engine costs one walk,
 * not a whole-page query per marker.
 */
export function detectForumEngine(
  doc: Document,
  definitions: readonly ForumDefinition[],
  queries: PageQueries,
): ForumDefinition | null {
  if (definitions.length === 0) return null;
  const generators = queries.all(doc, 'meta[name="generator" i]').map((meta) => meta.getAttribute('content') ?? '');
  const byGenerator = definitions.find(
    (definition) => definition.detect.generator && generators.some((content) => definition.detect.generator?.test(content)),
  );
  if (byGenerator) return byGenerator;
  return definitions.find((definition) => queries.first(doc, definition.detect.selectors ?? []) !== null) ?? null;
}
