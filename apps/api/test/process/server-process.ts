// Runs the real server as a child process, the way `npm start` and the container do: from its
// source (Node strips the types), ready when it logs so, on the test kit's startApi.
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type ApiProcess, fetchSend, signUp, startApi } from '@todo-chatbot/test-kit';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** The read end of the server's stdout and stderr, held by this test process. */
  reader: Readable;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

const running = new Set<ApiProcess>();

/** Kills whatever a failed test left running. */
export async function stopAllServers(): Promise<void> {
  for (const server of running) {
    server.kill();
    for (const reader of [server.child.stdout, server.child.stderr, server.reader])
      reader?.destroy();
  }
  running.clear();
}

/**
 * How the server's stdout and stderr reach this process: `socket` is what Node's spawn gives
 * (a socket pair, as process managers written in Node use); `pipe` is a named pipe (FIFO), as a
 * shell pipeline or a container runtime's log driver gives.
 */
export type Stdio = 'socket' | 'pipe';

export interface StartOptions {
  stdio?: Stdio;
  /** Resolve as soon as the process runs, not when it is ready. */
  waitUntilReady?: boolean;
}

export async function startServer(
  env: Record<string, string>,
  { stdio = 'socket', waitUntilReady = true }: StartOptions = {},
): Promise<ServerProcess> {
  const server = await startApi({
    entry,
    name: 'the server',
    env: { LOG_LEVEL: 'info', ...env },
    stdio: stdio === 'pipe' ? 'fifo' : 'pipe',
    ready: waitUntilReady && { line: 'is ready at' },
    // Generous: the main suite starts these while its other projects keep both cores busy.
    timeoutMs: 90_000,
    intervalMs: 50,
  });
  running.add(server);
  return {
    url: server.url,
    child: server.child,
    output: server.output,
    reader: server.reader as Readable,
    exited: server.exited.then(({ code }) => code),
  };
}

export async function signUpOver(url: string, email: string): Promise<string> {
  const send = fetchSend(url, { headers: { origin: url } });
  const user = await signUp(send, { email, password: 'correct horse battery', name: 'Proc' });
  return user.token;
}
