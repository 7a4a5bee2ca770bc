// Test harness: an app on a fresh database (PGlite, or a throwaway PostgreSQL database),
// and signed-in clients that talk to it through app.request().
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { createAuth } from '../src/auth/auth.ts';
import type { AssistantModel } from '../src/chat/providers.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import type { Lifecycle } from '../src/ops/health.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-better-auth';
export const ORIGIN = 'http://localhost:8080';

/** Which engine this vitest project runs against: set per project in vitest.config.ts. */
export const engine = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export interface TestDatabase {
  database: Database;
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, empty database: in-memory PGlite, or a new database on TEST_DATABASE_URL's server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    return { database, url: undefined, drop: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `todo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax: 5 });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close().catch(() => {});
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    BETTER_AUTH_SECRET: TEST_SECRET,
    AUTH_RATE_LIMIT_ENABLED: 'false',
    // Suites send hundreds of requests per user; the budgets have their own tests.
    USER_RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  config: Config;
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { env?: Record<string, string>; migrate?: boolean; assistant?: AssistantModel } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  const { database } = testDatabase;
  if (options.migrate !== false) await migrateDatabase(database);
  const config = testConfig(options.env);
  const logger = pino({ level: config.logLevel });
  const auth = createAuth({
    db: database.db,
    config,
    secret: config.auth.secret ?? TEST_SECRET,
    logger,
  });
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = createApp({
    config,
    database,
    auth,
    logger,
    lifecycle,
    assistant: options.assistant,
  });
  return { app, database, config, lifecycle, close: () => testDatabase.drop() };
}

export interface Client {
  userId: string;
  email: string;
  token: string;
  /** Sends JSON with the bearer token; returns status, headers and parsed body. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply>;
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON
  body: any;
}

let userCounter = 0;

export async function signUp(app: TestApp['app'], name = 'user'): Promise<Client> {
  userCounter += 1;
  const email = `${name}-${userCounter}-${randomBytes(3).toString('hex')}@example.com`;
  const response = await send(app, 'POST', '/api/auth/sign-up/email', {
    email,
    password: 'correct horse battery',
    name,
  });
  if (response.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  const token = response.headers.get('set-auth-token');
  if (!token) throw new Error('sign-up returned no bearer token');
  return {
    userId: response.body.user.id,
    email,
    token,
    call: (method, path, body, headers = {}) =>
      send(app, method, path, body, { authorization: `Bearer ${token}`, ...headers }),
  };
}

export async function send(
  app: TestApp['app'],
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { origin: ORIGIN, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await app.request(path, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
