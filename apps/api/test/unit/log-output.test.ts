import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogOutput } from '../../src/ops/log-output.ts';

/** A reader that takes the first chunk and then never finishes writing it. */
function stalledOutput() {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, _done) {
      written.push(String(chunk));
    },
  });
  return { stream, written };
}

describe('log output', () => {
  it('queues lines up to its bound, then drops and counts them', () => {
    const { stream } = stalledOutput();
    const output = createLogOutput(stream, 100);
    for (let i = 0; i < 20; i++) output.write(`${'x'.repeat(39)}\n`);
    // 40-byte lines: the first is being written, three more fit under 100 queued bytes.
    expect(stream.writableLength).toBe(120);
    expect(output.dropped).toBe(17);
  });

  it('drops every line once the output broke, and counts those that were queued', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        setImmediate(() => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
      },
    });
    const output = createLogOutput(stream);
    output.write('a\n');
    output.write('b\n');
    await new Promise((resolve) => setTimeout(resolve, 10));
    output.write('c\n');
    expect(output.dropped).toBe(3);
  });

  it('flushes within its timeout even when the reader never drains', async () => {
    const { stream } = stalledOutput();
    const output = createLogOutput(stream);
    output.write('line\n');
    const started = performance.now();
    await output.flush(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('flushes at once when nothing is queued', async () => {
    const output = createLogOutput(new Writable({ write: (_c, _e, done) => done() }));
    output.write('line\n');
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await output.flush(5_000);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
