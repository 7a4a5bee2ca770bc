// SIGTERM, SIGINT and SIGHUP from the first step of start-up to the last line written: the first
// signal stops the process gracefully at whatever stage it is in, a second one exits at once, and
// a deadline ends the process even when something it waits for never answers.
import { constants } from 'node:os';
import type { Logger } from 'pino';
import type { LogOutput } from './log-output.ts';

// SIGHUP too: a closed terminal or a process manager's reload must not leave a server that
// stopped listening to some of its signals.
const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** Queued log lines get this long to reach the reader before the process exits. */
const FLUSH_MS = 1_000;

export interface StopSignals {
  /** Aborted by the first signal; start-up stops at its next step. */
  readonly signal: AbortSignal;
  /** What the first signal does once the server serves (at once if one already came). */
  onceServing(stop: (reason: string) => Promise<void>): void;
  /** Exits after the queued log lines are written, or FLUSH_MS at most. */
  exit(code: number): void;
}

export interface StopSignalOptions {
  logger: Logger;
  output: LogOutput;
  /** After the first signal the process exits with 1 once this has passed. */
  deadlineMs: number;
}

export function listenForStopSignals({
  logger,
  output,
  deadlineMs,
}: StopSignalOptions): StopSignals {
  const controller = new AbortController();
  const exit = (code: number) => {
    void output.flush(FLUSH_MS).finally(() => process.exit(code));
  };

  let stopServing: ((reason: string) => Promise<void>) | undefined;
  const runStop = (reason: string) => {
    stopServing?.(reason).then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(128 + constants.signals[signal]);
    }
    controller.abort(signal);
    setTimeout(() => {
      logger.error({ deadline_ms: deadlineMs }, 'stopping took too long: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    runStop(signal);
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);

  return {
    signal: controller.signal,
    onceServing(stop) {
      stopServing = stop;
      if (controller.signal.aborted) runStop(String(controller.signal.reason));
    },
    exit,
  };
}
