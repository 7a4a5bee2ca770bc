// A named pipe (FIFO) for a child's stdout and stderr: this process reads one end.
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function openFifo(): { writeFd: number; reader: Socket } {
  const fifoPath = path.join(mkdtempSync(path.join(tmpdir(), 'todo-stdio-')), 'stdout');
  execFileSync('mkfifo', [fifoPath]);
  // Opening the read end first, without blocking, lets the write end open at once.
  const readFd = openSync(fifoPath, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(fifoPath, constants.O_WRONLY);
  return { writeFd, reader: new Socket({ fd: readFd, readable: true, writable: false }) };
}
