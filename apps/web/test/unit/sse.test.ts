import { describe, expect, it } from 'vitest';
import { readSse, SseParser } from '../../lib/sse';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('SseParser', () => {
  it('reads events split anywhere across chunks', () => {
    const text = 'event: delta\ndata: {"text":"Hel"}\n\nevent: done\ndata: {"ok":true}\n\n';
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events).toEqual([
        { event: 'delta', data: '{"text":"Hel"}' },
        { event: 'done', data: '{"ok":true}' },
      ]);
    }
  });

  it('handles CRLF and CR line ends, comments, multi-line data and the default event', () => {
    const parser = new SseParser();
    const events = [
      ...parser.push(': keep-alive\r\ndata: one\r\ndata: two\r\n\r\nevent: x\rdata: y\r\r'),
      ...parser.end(),
    ];
    expect(events).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'x', data: 'y' },
    ]);
  });

  it('waits for the second half of a CRLF split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('flushes a last event the stream ended without a blank line after', () => {
    const parser = new SseParser();
    expect(parser.push('event: done\ndata: {}')).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('ignores an event with no data', () => {
    expect(new SseParser().push('event: ping\n\n')).toEqual([]);
  });
});

describe('readSse', () => {
  it('keeps a multi-byte Urdu character split between network chunks intact', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"دودھ"}\n\n');
    // Cut inside the two bytes of an Arabic-script letter.
    const cut = bytes.indexOf(0xd8) + 1;
    const events = [];
    for await (const event of readSse(streamOf([bytes.slice(0, cut), bytes.slice(cut)]))) {
      events.push(event);
    }
    expect(events).toEqual([{ event: 'delta', data: '{"text":"دودھ"}' }]);
  });

  it('cancels the stream when the reader stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readSse(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
