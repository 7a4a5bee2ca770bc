// Graceful shutdown: fail readiness, keep serving while endpoints drain, stop accepting,
// finish in-flight requests, then release the database.
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Lifecycle } from './health.ts';

export interface ShutdownOptions {
  server: Server;
  lifecycle: Lifecycle;
  delayMs: number;
  timeoutMs: number;
  logger: Logger;
  /** Releases resources once no request is in flight. */
  close: () => Promise<void>;
}

export async function shutDown(options: ShutdownOptions, reason: string): Promise<void> {
  const { server, lifecycle, delayMs, timeoutMs, logger } = options;
  lifecycle.shuttingDown = true;
  logger.info({ reason, delay_ms: delayMs }, 'shutting down: readiness now fails');
  await sleep(delayMs);

  logger.info({ timeout_ms: timeoutMs }, 'no longer accepting connections; draining');
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const finishedInTime = await Promise.race([
    drained.then(() => true),
    sleep(timeoutMs).then(() => false),
  ]);
  if (!finishedInTime) {
    logger.warn('drain timeout reached; closing remaining connections');
    server.closeAllConnections();
  }
  await options.close();
  logger.info('shutdown complete');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
