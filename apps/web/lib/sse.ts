// Server-Sent Events read from a fetch body (EventSource cannot POST).

export interface SseEvent {
  event: string;
  data: string;
}

/** Splits text into events as it arrives, in whatever chunks the network delivers. */
export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];

  /** Feeds a chunk and returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.#buffer += chunk;
    const events: SseEvent[] = [];
    // A trailing "\r" may be the first half of "\r\n", so it waits for the next chunk.
    const pattern = /\r\n|\n|\r(?!$)/g;
    let start = 0;
    for (let match = pattern.exec(this.#buffer); match; match = pattern.exec(this.#buffer)) {
      const event = this.#line(this.#buffer.slice(start, match.index));
      if (event) events.push(event);
      start = match.index + match[0].length;
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  /** Flushes an event the stream ended without a blank line after. */
  end(): SseEvent[] {
    const events = this.#buffer ? this.push('\n') : [];
    const last = this.#line('');
    return last ? [...events, last] : events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#event = '';
        return undefined;
      }
      const event = { event: this.#event || 'message', data: this.#data.join('\n') };
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    return undefined;
  }
}

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    while (!finished) {
      const { value, done } = await reader.read();
      finished = done;
      // `stream: true` keeps a multi-byte character split across chunks intact (Urdu text).
      const text = value ? decoder.decode(value, { stream: true }) : decoder.decode();
      if (text) yield* parser.push(text);
    }
    yield* parser.end();
  } finally {
    // A consumer that stops early must not leave the connection open.
    if (!finished) await reader.cancel().catch(() => {});
  }
}
