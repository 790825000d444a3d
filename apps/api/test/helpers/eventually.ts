/** Polls a real service (not workflow time) until it yields a value. */
export async function eventually<T>(read: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('the value did not appear in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
