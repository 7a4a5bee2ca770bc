// One single-process server (`npm start` as a user runs it: PGlite, the built web app, every
// limit on) for one hostile probe, and a client that acts as a user from a chosen address.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { signUp } from '@todo-chatbot/test-kit';
import { createClient } from './http.mjs';
import { startReplica } from './replica.mjs';

/**
 * Starts the server with the probe's environment on top of `npm start`'s defaults. Requests
 * from `user(address)` carry X-Forwarded-For: the server trusts one proxy hop, so each probe
 * can play several clients from loopback without one address's limits spilling into another.
 */
export async function startHostileServer(ctx, { name, env = {} }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'todo-hostile-'));
  const replica = await startReplica({
    entry: ctx.entry,
    name,
    env: {
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: ctx.secret,
      WEB_DIR: path.join(ctx.root, 'apps/web/out'),
      AUTH_RATE_LIMIT_ENABLED: 'true',
      USER_RATE_LIMIT_ENABLED: 'true',
      TRUST_PROXY: 'true',
      TRUST_PROXY_HOPS: '1',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const http = createClient({ timeoutMs: 120_000 });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    http.close();
    await replica.terminate({ preStopMs: 0, graceMs: 15_000 });
    await rm(dataDir, { recursive: true, force: true });
  };
  ctx.onCleanup(stop);
  try {
    await replica.waitReady();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: replica.url,
    output: replica.output,
    /** A raw request from `address` (no credentials unless given in headers). */
    request(method, requestPath, { address = '198.18.0.1', headers = {}, body } = {}) {
      return http.request(replica.url, method, requestPath, {
        body,
        headers: { 'x-forwarded-for': address, ...headers },
      });
    },
    /**
     * Signs up a new account from `address`; its requests carry its bearer session token
     * (its session cookie is there for probes that act as a browser).
     */
    async signUp({
      address = randomAddress(),
      email = `${randomName()}@example.com`,
      password = 'correct horse battery',
      name = 'Probe',
    } = {}) {
      const fromAddress = (method, requestPath, { headers = {}, body } = {}) =>
        http.request(replica.url, method, requestPath, {
          body,
          headers: { 'x-forwarded-for': address, ...headers },
        });
      const session = await signUp(fromAddress, { name, email, password });
      return { ...session, address, request: session.send };
    },
    stop,
  };
}

const randomName = () => `probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const octet = () => 1 + Math.floor(Math.random() * 254);
/** An address in 198.18.0.0/15, the range RFC 2544 sets aside for tests: never a real client. */
export const randomAddress = () => `198.${18 + (octet() % 2)}.${octet()}.${octet()}`;
