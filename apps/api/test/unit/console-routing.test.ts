// Libraries' console output and Node's warnings leave the process as JSON log lines.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { routeConsoleToLogger, routeWarningsToLogger } from '../../src/ops/console.ts';
import { createLogger } from '../../src/ops/logging.ts';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', {
    write: (line) => lines.push(line),
    dropped: 0,
    flush: async () => {},
  });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line)) };
}

describe('console routing', () => {
  it("turns better-call's and @hono/node-server's prints into one JSON line each", () => {
    const { logger, lines, records } = capture();
    const fake = { ...console };
    routeConsoleToLogger(logger, fake);
    const failure = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    fake.error('# SERVER_ERROR: ', failure);
    fake.info('The user aborted a request.');
    fake.log('%d items', 3);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.trimEnd()).not.toContain('\n');
    const [error, info, log] = records();
    expect(error).toMatchObject({ level: 50, component: 'console', msg: '# SERVER_ERROR:' });
    expect(error.err).toMatchObject({ type: 'Error', message: 'aborted', code: 'ECONNRESET' });
    expect(info).toMatchObject({ level: 30, msg: 'The user aborted a request.' });
    expect(log.msg).toBe('3 items');
  });

  it("replaces Node's printer of process warnings", () => {
    const { logger, records } = capture();
    const fake = new EventEmitter();
    const printed: unknown[] = [];
    fake.on('warning', (warning) => printed.push(warning));
    routeWarningsToLogger(logger, fake as unknown as NodeJS.Process);
    const warning = Object.assign(new Error('Possible EventTarget memory leak'), {
      name: 'MaxListenersExceededWarning',
    });
    fake.emit('warning', warning);
    expect(printed).toHaveLength(0);
    expect(records()[0]).toMatchObject({
      level: 40,
      component: 'node',
      msg: 'Possible EventTarget memory leak',
    });
  });
});
