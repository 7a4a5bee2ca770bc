// Reproduction of an app bug the soak found (fixed in 2b2ea07, kept as a regression check): the
// API kept Node's default 5 s keep-alive timeout, shorter than the 60 s for which ingress-nginx
// (the chart's Ingress) and cloud load balancers keep idle upstream connections. The server
// then closed connections the proxy still held, and a request the proxy sent on one at that
// moment failed with 502 (the soak saw ECONNRESET on reused connections idle for ~6 s). This
// checks the mismatch deterministically by measuring how long an idle connection stays open.
// Run: node tests/reliability/repro/keepalive-shorter-than-proxy.mjs (about 70 s; it waits out
// the proxy's 60 s; exit 0 = the server outlasts the proxy, 1 = bug). Needs apps/api/dist.
import { once } from 'node:events';
import net from 'node:net';
import { builtApi, sleep } from '@todo-chatbot/test-kit';
import { createPostgres } from '../lib/postgres.mjs';
import { startReplica } from '../lib/replica.mjs';

const PROXY_IDLE_TIMEOUT_MS = 60_000; // ingress-nginx upstream-keepalive-timeout, AWS ALB idle timeout

const postgres = await createPostgres();
const replica = await startReplica({
  entry: builtApi,
  name: 'api',
  env: { DATABASE_URL: postgres.url, BETTER_AUTH_SECRET: 'r'.repeat(64) },
});
try {
  await replica.waitReady();
  const socket = net.connect(replica.port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  const [head] = await once(socket, 'data');
  const answeredAt = Date.now();
  console.log(
    head
      .toString()
      .split('\r\n')
      .filter((line) => /^(HTTP|keep-alive|connection)/i.test(line))
      .join('\n'),
  );
  // The proxy's view: an idle pooled connection it may reuse for up to 60 s.
  const closed = await Promise.race([
    once(socket, 'close').then(() => Date.now() - answeredAt),
    sleep(PROXY_IDLE_TIMEOUT_MS + 5_000),
  ]);
  socket.destroy();
  if (closed !== undefined && closed < PROXY_IDLE_TIMEOUT_MS) {
    console.log(
      `BUG: the server closed the idle connection after ${closed} ms; the proxy keeps it ${PROXY_IDLE_TIMEOUT_MS} ms`,
    );
    process.exitCode = 1;
  } else {
    console.log('OK: the server keeps idle connections longer than the proxy');
  }
} finally {
  replica.kill();
  await replica.exited;
  await postgres.destroy();
}
