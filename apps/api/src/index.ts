// Process entry: config → database → app → server → signals. `node index.js migrate` only migrates.

import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createAuth } from './auth/auth.ts';
import { resolveAuthSecret } from './auth/secret.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, waitForDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import type { Lifecycle } from './ops/health.ts';
import { createLogger } from './ops/logging.ts';
import { handleShutdownSignals } from './ops/shutdown.ts';

async function main(command: string | undefined) {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    poolMax: config.database.poolMax,
  });

  await waitForDatabase(database, config.database.waitSeconds, (error) =>
    logger.warn({ err: error }, 'waiting for the database'),
  );

  if (command === 'migrate') {
    const applied = await migrateDatabase(database);
    await database.close();
    logger.info({ engine: database.engine, applied }, `${applied} migrations applied`);
    return;
  }
  if (command !== undefined)
    throw new ConfigError([`unknown command "${command}" (expected: migrate)`]);

  if (config.database.migrateOnStart) await migrateDatabase(database);
  const secret = await resolveAuthSecret(config.auth.secret, config.database.dataDir);
  const auth = createAuth({ db: database.db, config, secret, logger });
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = createApp({ config, database, auth, logger, lifecycle });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  // Load balancers and ingress-nginx keep idle upstream connections for 60 s; closing ours
  // sooner races their next request on the same connection and surfaces as a 502.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info(
    { url: config.publicUrl, engine: database.engine, version: config.version },
    `todo-chatbot is ready at ${config.publicUrl}`,
  );
  handleShutdownSignals({
    server,
    lifecycle,
    delayMs: config.shutdown.delayMs,
    timeoutMs: config.shutdown.timeoutMs,
    logger,
    close: () => database.close(),
  });
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('todo-chatbot failed to start:', error);
  }
  process.exit(1);
});
