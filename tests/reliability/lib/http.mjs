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
  function request(baseUrl, method, path, { body, headers = {} } = {}) {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve) => {
      const finish = (result) => resolve({ ...result, ms: performance.now() - started });
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
        finish({ status: 0, body: null, headers: {}, error: error.code ?? error.message }),
      );
      req.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}
