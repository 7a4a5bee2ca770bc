// Process entry: config → logs and signals → database → app → server. `node index.js migrate` only migrates.

import type { Server } from 'node:http';
import { inspect } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createAuth } from './auth/auth.ts';
import { resolveAuthSecret } from './auth/secret.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, waitForDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { routeConsoleToLogger, routeWarningsToLogger } from './ops/console.ts';
import type { Lifecycle } from './ops/health.ts';
import { createLogOutput } from './ops/log-output.ts';
import { createLogger } from './ops/logging.ts';
import { startPgliteMaintenance } from './ops/pglite-maintenance.ts';
import { redact } from './ops/redact.ts';
import { shutDown } from './ops/shutdown.ts';
import { listenForStopSignals } from './ops/stop-signals.ts';

// After the first signal: the drain's own bounds, plus time to close the database and flush logs.
const STOP_SLACK_MS = 3_000;
// How often Node looks for requests past their timeouts (30 s by default, which would let a
// slow body run that much past HTTP_REQUEST_TIMEOUT_MS).
const TIMEOUT_CHECK_MS = 1_000;

async function main(command: string | undefined) {
  const config = loadConfig();
  const logs = createLogOutput();
  const logger = createLogger(config.logLevel, logs);
  routeConsoleToLogger(logger);
  routeWarningsToLogger(logger);
  const { delayMs, timeoutMs } = config.shutdown;
  const stop = listenForStopSignals({
    logger,
    output: logs,
    deadlineMs: delayMs + timeoutMs + STOP_SLACK_MS,
  });
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    poolMax: config.database.poolMax,
  });

  try {
    await waitForDatabase(
      database,
      config.database.waitSeconds,
      (error) => logger.warn({ err: error }, 'waiting for the database'),
      stop.signal,
    );

    if (command === 'migrate') {
      const applied = await migrateDatabase(database, stop.signal);
      await database.close();
      logger.info({ engine: database.engine, applied }, `${applied} migrations applied`);
      return stop.exit(0);
    }
    if (command !== undefined)
      throw new ConfigError([`unknown command "${command}" (expected: migrate)`]);

    if (config.database.migrateOnStart) await migrateDatabase(database, stop.signal);
    stop.signal.throwIfAborted();
  } catch (error) {
    if (!stop.signal.aborted) throw error;
    await database.close();
    logger.info({ signal: stop.signal.reason }, 'stopped during start-up');
    return stop.exit(0);
  }

  const secret = await resolveAuthSecret(config.auth.secret, config.database.dataDir);
  const auth = createAuth({ db: database.db, config, secret, logger });
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = createApp({ config, database, auth, logger, logs, lifecycle });

  const { http } = config;
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    serverOptions: {
      // A client that sends its headers or body slowly (slowloris) holds a connection this
      // long at most, not Node's 300 s. The chart's nginx proxies buffer bodies before passing
      // them on, so behind them requests arrive whole and fast.
      requestTimeout: http.requestTimeoutMs,
      headersTimeout: http.headersTimeoutMs,
      // Load balancers and ingress-nginx keep idle upstream connections for 60 s; closing ours
      // sooner races their next request on the same connection and surfaces as a 502. (Node
      // measures the headers timeout from a request's first byte, so it never cuts an idle
      // keep-alive connection short.)
      keepAliveTimeout: http.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
  }) as Server;
  // Connections beyond this are closed at once, before they cost a request or a file descriptor.
  server.maxConnections = http.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info(
    { url: config.publicUrl, engine: database.engine, version: config.version },
    `todo-chatbot is ready at ${config.publicUrl}`,
  );
  const maintenance =
    database.engine === 'pglite' ? startPgliteMaintenance(database, logger) : undefined;
  const close = async () => {
    await maintenance?.stop();
    await database.close();
  };
  stop.onceServing((reason) =>
    shutDown({ server, lifecycle, delayMs, timeoutMs, logger, close }, reason),
  );
}

main(process.argv[2]).catch((error: unknown) => {
  // stderr may be a stalled pipe too: write without blocking, and exit regardless.
  const errors = createLogOutput(process.stderr);
  errors.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `todo-chatbot failed to start: ${inspect(redact(error))}\n`,
  );
  void errors.flush(1_000).finally(() => process.exit(1));
});
