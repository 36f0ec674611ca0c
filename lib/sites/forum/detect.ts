import { queryFirst } from '../engine/dom';
import type { ForumDefinition } from './types';

/**
 * Which forum engine made a page, from its markup alone (any domain may run any engine). A
 * generator meta naming an engine is the strongest evidence and is checked for every definition
 * before any structural marker, because themes and plugins borrow each other's class names.
 */
export function detectForumEngine(doc: Document, definitions: readonly ForumDefinition[]): ForumDefinition | null {
  const generators = Array.from(doc.querySelectorAll('meta[name="generator" i]'), (meta) => meta.getAttribute('content') ?? '');
  const byGenerator = definitions.find(
    (definition) => definition.detect.generator && generators.some((content) => definition.detect.generator?.test(content)),
  );
  if (byGenerator) return byGenerator;
  return definitions.find((definition) => definition.detect.selectors && queryFirst(doc, definition.detect.selectors)) ?? null;
}
