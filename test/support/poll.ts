/**
 * Reads with `read` every 50 ms until `done` holds for what it read, and returns that; throws after `timeoutMs` with
 * what it last read. Polled from Node: Firefox's extension pages refuse the `Function()` puppeteer's waitFor* helpers
 * need there, and reading closed roots takes the test's own protocol calls.
 */
export async function pollUntil<T, Done extends T>(read: () => Promise<T>, done: (value: T) => value is Done, timeoutMs: number, what: string): Promise<Done>;
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T>;
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} never came; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
