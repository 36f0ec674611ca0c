import type { z } from 'zod';
import { translator, type MessageParams, type UiLocale } from '.';
import { ERROR_MESSAGES, type ErrorMessageKey } from './errors';

/**
 * What went wrong, as a message of lib/i18n/errors.ts and its parameters: said in the user's language where it
 * is shown (the background says it in the interface language of the moment), never in the words of whatever
 * library found it. A parameter may be a problem itself (`requestInvalid`'s `{problem}`).
 */
export interface Problem {
  key: ErrorMessageKey;
  params?: Record<string, string | number | Problem>;
}

export const problem = (key: ErrorMessageKey, params?: Problem['params']): Problem => (params ? { key, params } : { key });

const ENGLISH_PROBLEMS = 'en' satisfies UiLocale;

/** A failure the user is told about: its sentences, said one after another; its `message` is the English text, for logs. */
export class LocalizedError extends Error {
  override name = 'LocalizedError';
  readonly problems: readonly Problem[];

  constructor(...problems: Problem[]) {
    super(problems.map((each) => problemText(each, ENGLISH_PROBLEMS)).join(' '));
    this.problems = problems;
  }
}

/** A problem said in a language. */
export function problemText(said: Problem, locale: UiLocale): string {
  const t = translator(ERROR_MESSAGES, locale);
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(said.params ?? {})) params[name] = typeof value === 'object' ? problemText(value, locale) : value;
  return t(said.key, params);
}

/**
 * Anything thrown, in a language: a LocalizedError's own sentences; anything else (a browser's or a library's
 * failure, whose words are not ours) is framed by a sentence of the language around its message.
 */
export function failureText(error: unknown, locale: UiLocale): string {
  if (error instanceof LocalizedError) return error.problems.map((each) => problemText(each, locale)).join(' ');
  // The background's error answer (lib/messaging/send.ts): already said in the interface language.
  if (error instanceof Error && error.name === 'RemoteError') return error.message;
  if (error instanceof Error && error.name === 'NoAnswerError') return problemText(problem('noAnswer'), locale);
  // Told by its shape, not by instanceof: the content scripts carry no zod to compare with.
  const issues = (error as { name?: unknown; issues?: Issue[] } | null)?.issues;
  if (error instanceof Error && error.name === 'ZodError' && issues?.[0]) return problemText(placedIssueProblem(issues[0]), locale);
  const detail = error instanceof Error ? error.message : String(error);
  return problemText(problem('unexpected', { detail }), locale);
}

/** `mentions[12].mark.sentiment`, from a path of keys and indexes (a zod issue's). */
export function placeOf(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

type Issue = z.core.$ZodIssue;

/** Why a value was refused, without its place: what the form says beside the field. */
export function issueProblem(issue: Issue): Problem {
  switch (issue.code) {
    case 'custom': {
      const given = issue.params?.problem as Problem | undefined;
      return given ?? problem('invalid');
    }
    case 'invalid_type':
      // Missing or of another type alike: zod's issue keeps no received value unless asked to.
      return problem(TYPE_PROBLEMS[issue.expected] ?? 'wrongKind', { expected: issue.expected });
    case 'too_small': {
      const count = Number(issue.minimum);
      if (issue.origin === 'string') return count <= 1 ? problem('notEmpty') : problem('tooShort', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return problem('fewEntries', { count });
      return count === 0 && issue.inclusive !== false ? problem('notNegative') : problem('atLeast', { limit: count });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (issue.origin === 'string') return problem('tooLong', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return problem('manyEntries', { count });
      return problem('atMost', { limit: count });
    }
    case 'invalid_value':
      return problem('oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return problem('badForm');
    case 'unrecognized_keys':
      return problem('unknownFields', { keys: issue.keys.join(', ') });
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues[0] ? issueProblem(issue.issues[0]) : problem('invalid');
    default:
      return problem('invalid');
  }
}

const TYPE_PROBLEMS: Partial<Record<string, ErrorMessageKey>> = {
  number: 'mustBeNumber',
  int: 'mustBeWhole',
  string: 'mustBeText',
  boolean: 'mustBeYesNo',
  array: 'mustBeList',
  object: 'mustBeGroup',
  record: 'mustBeGroup',
};

/** Why a value was refused, with its place when it has one: `mentions[12].mark.sentiment: Must be one of: …`. */
export function placedIssueProblem(issue: Issue): Problem {
  const said = issueProblem(issue);
  return issue.path.length === 0 ? said : problem('atPlace', { place: placeOf(issue.path), problem: said });
}
