// Signs up bench users through the real endpoint; each gets a bearer token for the load runs.

/** Signs up `count` users, `parallel` at a time; returns them and the sign-up latencies. */
export async function signUpUsers(baseUrl, count, { prefix = 'user', parallel = 4 } = {}) {
  const users = new Array(count);
  const latencies = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      users[index] = await signUp(baseUrl, `${prefix}-${index}`);
      latencies.push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return { users, latencies };
}

async function signUp(baseUrl, name) {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    // The server trusts its own loopback origin when PUBLIC_URL is unset.
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      name,
      email: `${name}@bench.example`,
      password: 'bench password 123',
    }),
  });
  const body = await response.json();
  const token = response.headers.get('set-auth-token');
  if (response.status !== 200 || !token || !body.user?.id) {
    throw new Error(`sign-up of ${name} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { id: body.user.id, name, token };
}
