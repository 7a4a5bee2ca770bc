// Runs the real server as a child process, the way `npm start` and the container do.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

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

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

const running = new Set<ChildProcess>();
const openReaders = new Set<Readable>();

/** Kills whatever a failed test left running. */
export async function stopAllServers(): Promise<void> {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
  for (const reader of openReaders) reader.destroy();
  openReaders.clear();
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
  const port = await freePort();
  const fifo = stdio === 'pipe' ? openFifo() : undefined;
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: fifo ? ['ignore', fifo.writeFd, fifo.writeFd] : ['ignore', 'pipe', 'pipe'],
  });
  if (fifo) closeSync(fifo.writeFd);
  running.add(child);
  let output = '';
  const readers = fifo ? [fifo.reader] : [child.stdout as Readable, child.stderr as Readable];
  for (const reader of readers) {
    openReaders.add(reader);
    reader.on('data', (chunk) => (output += chunk));
    reader.on('error', () => {});
  }
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  const server = { url, child, output: () => output, reader: readers[0] as Readable, exited };
  if (!waitUntilReady) return server;
  // Generous: the main suite starts these while its other projects keep both cores busy.
  const deadline = Date.now() + 90_000;
  while (!output.includes('is ready at')) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server;
}

/** A named pipe: this process reads one end, the server gets the other as stdout and stderr. */
function openFifo(): { writeFd: number; reader: Socket } {
  const fifoPath = path.join(mkdtempSync(path.join(tmpdir(), 'todo-stdio-')), 'stdout');
  execFileSync('mkfifo', [fifoPath]);
  // Opening the read end first, without blocking, lets the write end open at once.
  const readFd = openSync(fifoPath, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(fifoPath, constants.O_WRONLY);
  return { writeFd, reader: new Socket({ fd: readFd, readable: true, writable: false }) };
}

export async function signUpOver(url: string, email: string) {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'correct horse battery', name: 'Proc' }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-auth-token') as string;
}
