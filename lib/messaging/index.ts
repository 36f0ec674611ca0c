import { z } from 'zod';
import type { UiLocale } from '../i18n';
import type { ErrorMessageKey } from '../i18n/errors';
import { LocalizedError, failureText, placedIssueProblem, problem, type Problem } from '../i18n/problems';
import {
  EnvelopeSchema,
  protocol,
  type ParsedRequestOf,
  type Protocol,
  type Reply,
  type RequestType,
  type ResponseOf,
  type SenderOrigin,
} from './protocol';

export * from './protocol';
export { LIVE_PORT, NoAnswerError, RemoteError, errorMessage, send, type Transport } from './send';

/** What the background knows of a request's sender; its origin decides which requests it may send. */
export interface Sender {
  origin: SenderOrigin;
}

/** Each handler sees its request's sender narrowed to the kind the protocol lets send it. */
export type Handlers<Context extends Sender> = {
  [T in RequestType]: (
    payload: ParsedRequestOf<T>,
    context: Context & { origin: Protocol[T]['sender'] },
  ) => Promise<ResponseOf<T>>;
};

/** Who may send a request the protocol keeps for the other origin, as the refusal says it. */
const ALLOWED_SENDER: Record<SenderOrigin, ErrorMessageKey> = {
  'extension-page': 'requestFromExtensionPage',
  'content-script': 'requestFromContentScript',
};

/** The first thing wrong with a request or an answer, with its place: one sentence, not zod's list. */
function zodProblem(error: z.ZodError): Problem {
  return placedIssueProblem(error.issues[0]!);
}

const ENGLISH = async (): Promise<UiLocale> => 'en';

/**
 * Turns one untrusted message into a reply: malformed envelopes, requests from a sender the protocol does not let
 * send them, and malformed payloads get an error answer (never an exception), as do handler failures, so the
 * background keeps serving whatever a page or a bug sends it. An error answer is a sentence in the interface
 * language of the moment (`locale`, read only when there is one to say).
 */
export async function dispatchMessage<Context extends Sender>(
  message: unknown,
  context: Context,
  handlers: Handlers<Context>,
  locale: () => Promise<UiLocale> = ENGLISH,
): Promise<Reply> {
  try {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) throw new LocalizedError(problem('requestInvalid', { problem: zodProblem(envelope.error) }));
    const type = envelope.data.type;
    const allowed = protocol[type].sender;
    if (context.origin !== allowed) throw new LocalizedError(problem('requestRefused', { sender: problem(ALLOWED_SENDER[allowed]) }));
    const payload = protocol[type].request.safeParse(envelope.data.payload ?? {});
    if (!payload.success) throw new LocalizedError(problem('requestInvalid', { problem: zodProblem(payload.error) }));
    const handler = handlers[type] as (payload: unknown, context: Context) => Promise<unknown>;
    const answer = protocol[type].response.safeParse(await handler(payload.data, context));
    if (!answer.success) throw new LocalizedError(problem('answerInvalid', { problem: zodProblem(answer.error) }));
    return { ok: true, data: answer.data };
  } catch (error) {
    return { ok: false, error: failureText(error, await locale()) };
  }
}
