// HTTP as the harnesses speak it: a status probe, and one request shape over any transport.

/** Status of one GET, 0 when the request failed below HTTP; bounded by its own timeout. */
export async function probe(url: string, timeoutMs = 2_000): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies the tests read field by field.
  body: any;
  /** Lower-case names, as node:http gives them; set-cookie is a list. */
  headers: Record<string, string | string[] | undefined>;
}

export interface SendInit {
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One request against one server. Callers with their own transport (reliability's node:http
 * client, which times every request and never throws) pass theirs; `fetchSend` is the default.
 */
export type Send<R extends Reply = Reply> = (
  method: string,
  path: string,
  init?: SendInit,
) => Promise<R>;

/**
 * `Send` over fetch to `${baseUrl}${path}`; `headers` go with every request (an Origin, an
 * X-Forwarded-For).
 */
export function fetchSend(
  baseUrl: string,
  { headers: always = {} }: { headers?: Record<string, string> } = {},
): Send {
  return async (method, path, { body, headers = {} } = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...always,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the caller sees the text.
    }
    const replyHeaders: Reply['headers'] = Object.fromEntries(response.headers);
    replyHeaders['set-cookie'] = response.headers.getSetCookie();
    return { status: response.status, body: parsed, headers: replyHeaders };
  };
}
