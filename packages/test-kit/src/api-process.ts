// The built API as a child process, the way `npm start`, a container or a pod runs it: on a free
// port, waited for until ready, its output kept for failure messages, and stopped as a kubelet
// stops it (SIGTERM, a bounded grace period, then SIGKILL).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openFifo } from './fifo.ts';
import { freePort } from './ports.ts';
import { waitForReady } from './ready.ts';
import { sleep } from './sleep.ts';
import { waitFor } from './wait.ts';

/** apps/api/dist/index.js: what `npm run build -w apps/api` writes. */
export const builtApi = fileURLToPath(new URL('../../../apps/api/dist/index.js', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * What "ready" means: `/readyz` answering 200, as a readiness probe sees it; a line in the
 * output; or nothing (startApi returns once the process is spawned).
 */
export type Readiness = 'readyz' | { line: string } | false;

export interface ReadyOptions {
  /** Default 90 s. */
  timeoutMs?: number;
  /** Between two looks; default 100 ms. */
  intervalMs?: number;
  /** Per /readyz request; default 2 s. */
  probeTimeoutMs?: number;
}

export interface StartApiOptions extends ReadyOptions {
  /** Default: the built API. */
  entry?: string;
  /**
   * On top of PATH, PORT and HOST=127.0.0.1 (later keys win, so a test may pass a bad PORT);
   * an undefined value removes the variable. Only these reach the child unless `inheritEnv`.
   */
  env?: Record<string, string | undefined>;
  /** Start from this process's environment instead of PATH alone. */
  inheritEnv?: boolean;
  cwd?: string;
  nodeArgs?: string[];
  /** Default: a free one. */
  port?: number;
  /** Names the process in error messages; default "the API". */
  name?: string;
  ready?: Readiness;
  /**
   * How stdout and stderr reach this process: `pipe` is what Node's spawn gives (a socket pair,
   * as process managers written in Node use); `fifo` is a named pipe, as a shell pipeline or a
   * container runtime's log driver gives. Ignored with `logFile`.
   */
  stdio?: 'pipe' | 'fifo';
  /** Append the output to this file instead of keeping it in memory. */
  logFile?: string;
  /** Keep only the last this many characters of output in memory. */
  outputLimit?: number;
}

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  pid: number;
  /** performance.now() just before the spawn. */
  startedAt: number;
  /** Spawn to ready, when startApi waited for it. */
  readyMs: number | undefined;
  /** Everything the process wrote so far (the log file's content with `logFile`). */
  output(): string;
  /** The read end of its stdout (with `fifo`, of stdout and stderr), held by this process. */
  reader: Readable | undefined;
  exited: Promise<Exit>;
  readonly running: boolean;
  /** Waits as `readiness` says (default: `ready`, else /readyz); ms since the spawn. */
  waitReady(readiness?: Exclude<Readiness, false>, options?: ReadyOptions): Promise<number>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs` (default 15 s). */
  stop(graceMs?: number): Promise<Exit>;
  /** SIGKILL if still running: the last resort in a finally block. */
  kill(): void;
}

export async function startApi(options: StartApiOptions = {}): Promise<ApiProcess> {
  const { entry = builtApi, name = 'the API', ready = 'readyz', logFile, outputLimit } = options;
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...(options.inheritEnv ? process.env : { PATH: process.env.PATH }),
    PORT: String(port),
    HOST: '127.0.0.1',
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const fifo = !logFile && options.stdio === 'fifo' ? openFifo() : undefined;
  const fd = logFile ? openSync(logFile, 'a') : fifo?.writeFd;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: options.cwd,
    env,
    stdio: fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
  });
  if (fd !== undefined) closeSync(fd);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  // 'close' comes once stdio has ended too, so a failure message has the last lines.
  const closed = once(child, 'close').catch(() => {});

  let kept = '';
  const readers = fifo ? [fifo.reader] : logFile ? [] : [child.stdout, child.stderr];
  for (const reader of readers as Readable[]) {
    reader.on('data', (chunk) => {
      kept += chunk;
      if (outputLimit !== undefined && kept.length > outputLimit) kept = kept.slice(-outputLimit);
    });
    reader.on('error', () => {});
  }
  const output = () => (logFile ? readLog(logFile) : kept);

  const api: ApiProcess = {
    url,
    port,
    child,
    pid: child.pid as number,
    startedAt,
    readyMs: undefined,
    output,
    reader: readers[0] ?? undefined,
    exited,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    async waitReady(readiness = ready || 'readyz', readyOptions = options) {
      const { timeoutMs = 90_000, intervalMs = 100 } = readyOptions;
      const exitedEarly = async () => {
        if (api.running) return;
        await Promise.race([closed, sleep(1_000, { unref: true })]);
        throw new Error(`${name} exited (${describe(child)}) before ready:\n${tail(output())}`);
      };
      const explain = () => `:\n${tail(output())}`;
      if (readiness === 'readyz') {
        const { probeTimeoutMs } = readyOptions;
        await waitForReady(url, {
          timeoutMs,
          intervalMs,
          probeTimeoutMs,
          alive: exitedEarly,
          explain,
        });
      } else {
        const { line } = readiness;
        await waitFor(
          `"${line}" from ${name}`,
          async () => {
            if (output().includes(line)) return true;
            await exitedEarly();
            return false;
          },
          { timeoutMs, intervalMs, explain },
        );
      }
      return performance.now() - startedAt;
    },
    async stop(graceMs = 15_000) {
      if (!api.running) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    kill() {
      if (api.running) child.kill('SIGKILL');
    },
  };
  if (ready) {
    try {
      api.readyMs = await api.waitReady();
    } catch (error) {
      api.kill();
      throw error;
    }
  }
  return api;
}

const describe = (child: ChildProcess) =>
  child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;

/** The end of the output, which is where a failed start says why. */
function tail(text: string, lines = 50): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n') || '(no output)';
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
