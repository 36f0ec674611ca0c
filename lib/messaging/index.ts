import { z } from 'zod';
import {
  EnvelopeSchema,
  ReplySchema,
  protocol,
  type ParsedRequestOf,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseOf,
} from './protocol';

export * from './protocol';

export type Handlers<Context> = {
  [T in RequestType]: (payload: ParsedRequestOf<T>, context: Context) => Promise<ResponseOf<T>>;
};

/** Thrown by a sender when the background answered with an error. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/**
 * Turns one untrusted message into a reply: malformed envelopes and payloads get an error answer (never an
 * exception), as do handler failures, so the background keeps serving whatever a page or a bug sends it.
 */
export async function dispatchMessage<Context>(
  message: unknown,
  context: Context,
  handlers: Handlers<Context>,
): Promise<Reply> {
  const envelope = EnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: `Malformed message: ${describeZodError(envelope.error)}` };
  const type = envelope.data.type;
  const payload = protocol[type].request.safeParse(envelope.data.payload ?? {});
  if (!payload.success) return { ok: false, error: `Invalid ${type} request: ${describeZodError(payload.error)}` };
  try {
    const handler = handlers[type] as (payload: unknown, context: Context) => Promise<unknown>;
    const data = await handler(payload.data, context);
    return { ok: true, data: protocol[type].response.parse(data) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export type Transport = (message: unknown) => Promise<unknown>;

/** Sends a typed request and validates the answer; the transport is browser.runtime.sendMessage in the extension. */
export async function request<T extends RequestType>(
  transport: Transport,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw = await transport({ type, payload });
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new RemoteError(`No valid answer to ${type}`);
  if (!reply.data.ok) throw new RemoteError(reply.data.error);
  return protocol[type].response.parse(reply.data.data) as ResponseOf<T>;
}
