// Where log lines go: stdout, without ever blocking the process on it. A reader that went away
// (EPIPE) or stopped reading (a full pipe) costs log lines, which are dropped and counted, never a
// stuck request or a shutdown that cannot finish.
//
// Why not pino's default destination: it writes with fs.writeSync, and on a non-blocking pipe that
// is full it retries forever in Atomics.wait, so the main thread never runs a signal handler again.
// process.stdout on a pipe or socket is a libuv stream: writes that fit go straight to the kernel,
// the rest queue in memory, which is what this module bounds.
import { once } from 'node:events';

/** Lines queued beyond this many bytes are dropped: enough for bursts, small next to the heap. */
export const MAX_PENDING_BYTES = 1024 * 1024;

export interface LogOutput {
  write(line: string): void;
  /** Lines dropped so far: the reader was gone, or too far behind. */
  readonly dropped: number;
  /** Waits until queued lines are written, the output broke, or `timeoutMs` passed. */
  flush(timeoutMs: number): Promise<void>;
}

type Output = NodeJS.WritableStream & { writableLength: number };

export function createLogOutput(
  stream: Output = process.stdout,
  maxPendingBytes = MAX_PENDING_BYTES,
): LogOutput {
  let broken = false;
  let dropped = 0;
  stream.on('error', () => {
    broken = true;
  });
  return {
    write(line) {
      if (broken || stream.writableLength > maxPendingBytes) {
        dropped += 1;
        return;
      }
      stream.write(line, (error) => {
        if (error) dropped += 1;
      });
    },
    get dropped() {
      return dropped;
    },
    async flush(timeoutMs) {
      if (broken || stream.writableLength === 0) return;
      const timeout = AbortSignal.timeout(timeoutMs);
      await Promise.race([
        once(stream, 'drain', { signal: timeout }),
        once(stream, 'error', { signal: timeout }),
      ]).catch(() => {});
    },
  };
}
