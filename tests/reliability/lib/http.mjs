// A small HTTP client over node:http with keep-alive, timing every request. Transport errors
// are returned, not thrown, so the load generator can count them as failed requests.
import http from 'node:http';

/** `headers` go with every request (a Host header for an ingress reached by its address). */
export function createClient({ maxSockets = 256, timeoutMs = 15_000, headers: always = {} } = {}) {
  // Keep-alive like a browser or an SDK: it is what makes shutdown races visible.
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  /**
   * @returns {Promise<{status: number, body: any, headers: object, ms: number, error?: string}>}
   * status 0 means the request failed below HTTP (refused, reset, timed out).
   */
  async function request(baseUrl, method, path, options = {}) {
    const started = performance.now();
    const first = await send(baseUrl, method, path, options);
    // A server may close an idle keep-alive connection just as a request is written on it (nginx
    // does so on its graceful stop); the request never reached it. Browsers and Node's own docs
    // (request.reusedSocket) send it once more; so does this client, and
    // says so (resent), so that a load can count it.
    const result = first.resendable
      ? { ...(await send(baseUrl, method, path, options)), resent: true }
      : first;
    delete result.resendable;
    return { ...result, ms: performance.now() - started };
  }

  function send(baseUrl, method, path, { body, headers = {} } = {}) {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      const finish = resolve;
      const req = http.request(
        url,
        {
          method,
          agent,
          headers: {
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
            ...always,
            ...headers,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('error', (error) =>
            finish({ status: 0, body: null, headers: {}, error: error.code ?? error.message }),
          );
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = text;
            if ((res.headers['content-type'] ?? '').includes('json')) {
              try {
                parsed = JSON.parse(text);
              } catch {
                // Keep the text: a truncated body is itself a finding.
              }
            }
            finish({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      req.on('error', (error) =>
        finish({
          status: 0,
          body: null,
          headers: {},
          error: error.code ?? error.message,
          resendable: req.reusedSocket && error.code === 'ECONNRESET',
        }),
      );
      req.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}
