// Signs up bench users through the real endpoint; each gets a bearer token for the load runs.
import { fetchSend, signUp } from '@todo-chatbot/test-kit';

/** Signs up `count` users, `parallel` at a time; returns them and the sign-up latencies. */
export async function signUpUsers(baseUrl, count, { prefix = 'user', parallel = 4 } = {}) {
  // The server trusts its own loopback origin when PUBLIC_URL is unset.
  const send = fetchSend(baseUrl, { headers: { origin: baseUrl } });
  const users = new Array(count);
  const latencies = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const name = `${prefix}-${index}`;
      const started = performance.now();
      const user = await signUp(send, {
        name,
        email: `${name}@bench.example`,
        password: 'bench password 123',
      });
      users[index] = { id: user.userId, name, token: user.token };
      latencies.push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return { users, latencies };
}
