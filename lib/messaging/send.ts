import type { RequestOf, RequestType, ResponseOf } from './protocol';

/** Thrown by a sender when the background answered with an error. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

/** Thrown by a sender when nothing answered (the background was stopped or gone): said as "the extension did not answer". */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}

/** The message of anything thrown, for showing to the user or sending back as an error answer. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The name of the port the popup and dashboard hold open to hear that stored data changed. */
export const LIVE_PORT = 'rl-live';

export type Transport = (message: unknown) => Promise<unknown>;

/**
 * Sends a typed request and unwraps the reply envelope. The background has already parsed both the
 * request and its own answer with the protocol's zod schemas, and only the background answers runtime
 * messages, so the answer is used as typed: no sender loads zod for it (the content script stays small,
 * the popup draws without evaluating the protocol's schemas).
 */
export async function send<T extends RequestType>(transport: Transport, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await transport({ type, payload })) as { ok?: unknown; data?: unknown; error?: unknown } | undefined;
  if (reply?.ok === true) return reply.data as ResponseOf<T>;
  if (reply?.ok === false && typeof reply.error === 'string') throw new RemoteError(reply.error);
  // The English names the request, for logs; the user is told lib/i18n's "noAnswer".
  throw new NoAnswerError(`No valid answer to ${type}`);
}
