// Output that bypasses the logger goes through it, so every line the process writes is one JSON
// object: libraries print with console (@hono/node-server a failed response's stack, better-call
// "# SERVER_ERROR:" and the error), and Node prints process warnings as several plain lines.
import { format } from 'node:util';
import type { Logger } from 'pino';

const LEVELS = {
  trace: 'trace',
  debug: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
} as const;

export function routeConsoleToLogger(logger: Logger, target: Console = console): void {
  const log = logger.child({ component: 'console' });
  for (const [method, level] of Object.entries(LEVELS)) {
    target[method as keyof typeof LEVELS] = (...args: unknown[]) => {
      const at = args.findIndex((arg) => arg instanceof Error);
      if (at === -1) return log[level](format(...args));
      const err = args[at] as Error;
      const rest = args.filter((_, index) => index !== at);
      log[level]({ err }, rest.length > 0 ? format(...rest).trim() : err.message);
    };
  }
}

/** Node's own printer of warnings is the one listener it installs; ours replaces it. */
export function routeWarningsToLogger(logger: Logger, target: NodeJS.Process = process): void {
  target.removeAllListeners('warning');
  target.on('warning', (warning) =>
    logger.warn({ err: warning, component: 'node' }, warning.message),
  );
}
