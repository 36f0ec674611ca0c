import { z } from 'zod';
import { RemoteError, errorMessage, send, type Transport } from './send';
import {
  EnvelopeSchema,
  protocol,
  type ParsedRequestOf,
  type Protocol,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseOf,
  type SenderOrigin,
} from './protocol';

export * from './protocol';
export { RemoteError, errorMessage, send, type Transport } from './send';

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

/** What a sender is told when it sends a request the protocol keeps for the other origin. */
const REFUSED_SENDER: Record<SenderOrigin, string> = {
  'extension-page': 'Only a content script, about its own page, may send',
  'content-script': 'Only the extension’s own pages may send',
};

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/**
 * Turns one untrusted message into a reply: malformed envelopes, requests from a sender the protocol does not let
 * send them, and malformed payloads get an error answer (never an exception), as do handler failures, so the
 * background keeps serving whatever a page or a bug sends it.
 */
export async function dispatchMessage<Context extends Sender>(
  message: unknown,
  context: Context,
  handlers: Handlers<Context>,
): Promise<Reply> {
  const envelope = EnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: `Malformed message: ${describeZodError(envelope.error)}` };
  const type = envelope.data.type;
  if (context.origin !== protocol[type].sender) return { ok: false, error: `${REFUSED_SENDER[context.origin]} ${type}` };
  const payload = protocol[type].request.safeParse(envelope.data.payload ?? {});
  if (!payload.success) return { ok: false, error: `Invalid ${type} request: ${describeZodError(payload.error)}` };
  try {
    const handler = handlers[type] as (payload: unknown, context: Context) => Promise<unknown>;
    const data = await handler(payload.data, context);
    return { ok: true, data: protocol[type].response.parse(data) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** Sends a typed request and validates the answer against the protocol (for the extension's own pages). */
export async function request<T extends RequestType>(
  transport: Transport,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return validatedAnswer(type, await send(transport, type, payload));
}

/** Checks an answer that arrived through `send` against the protocol, as `request` does. */
export function validatedAnswer<T extends RequestType>(type: T, data: ResponseOf<T>): ResponseOf<T> {
  const parsed = protocol[type].response.safeParse(data);
  if (!parsed.success) throw new RemoteError(`Invalid answer to ${type}: ${describeZodError(parsed.error)}`);
  return parsed.data as ResponseOf<T>;
}
