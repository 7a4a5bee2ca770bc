// Polling for page objects, which also run in hooks where expect.poll is not allowed.
import { waitFor } from '@todo-chatbot/test-kit';

export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  let last: T | undefined;
  const accepted = await waitFor(
    what,
    async () => {
      last = await read();
      return accept(last) && { value: last };
    },
    { timeoutMs, intervalMs: 100, explain: () => `; last saw ${JSON.stringify(last)}` },
  );
  return accepted.value;
}
