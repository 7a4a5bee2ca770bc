// Probes of the HTTP surface of `npm start`: the web app's Content-Security-Policy (in
// Chromium), the docs assets lookup, bodies cut short or malformed, slow clients, and the
// connection cap. The server's output must stay one JSON object per line throughout.
import net from 'node:net';
import { sleep } from '@todo-chatbot/test-kit';
import { chromium } from 'playwright-core';

/** The server's output as lines; the first may be cut when the buffer is full. */
function outputLines(server) {
  const text = server.output();
  const lines = text.split('\n').filter(Boolean);
  return text.length >= 60 * 1024 ? lines.slice(1) : lines;
}

function nonJsonLines(server) {
  return outputLines(server).filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
}

/** A raw connection: what the server sent, and when it closed the connection. */
async function rawConnection(server) {
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  const opened = Date.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.on('close', () => resolve(Date.now() - opened)));
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, closed, received: () => received };
}

export default [
  {
    id: 'csp-in-chromium',
    finding: 'no Content-Security-Policy from npm start',
    tried:
      'GET /, then sign-up, the task list and adding a task in Chromium, watching the console for CSP violations',
    async run(server) {
      const page = await server.request('GET', '/');
      const policy = page.headers['content-security-policy'] ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      const hashes = scriptSrc.split(' ').filter((source) => source.startsWith("'sha256-"));
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      });
      const violations = [];
      let added = false;
      try {
        const tab = await browser.newPage();
        tab.on('console', (message) => {
          if (/Content.Security.Policy|Refused to/i.test(message.text())) {
            violations.push(message.text());
          }
        });
        tab.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
        await tab.goto(`${server.url}/sign-up`, { waitUntil: 'networkidle' });
        await tab.fill('input[name=name]', 'Probe');
        await tab.fill('input[name=email]', `csp-${Date.now()}@example.com`);
        await tab.fill('input[name=password]', 'correct horse battery');
        await tab.click('button[type=submit]');
        await tab.waitForURL(`${server.url}/`, { timeout: 20_000 });
        await tab.fill('[data-testid=quick-add-input]', 'Checked under the policy');
        await tab.click('[data-testid=quick-add-submit]');
        await tab
          .getByText('Checked under the policy')
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => {
            added = true;
          });
        for (const route of ['/settings', '/no-such-page']) {
          await tab.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
        }
      } finally {
        await browser.close();
      }
      return {
        pass:
          policy.includes("default-src 'self'") &&
          !scriptSrc.includes('unsafe-inline') &&
          hashes.length > 0 &&
          added &&
          violations.length === 0,
        value: `CSP on /: ${policy ? 'present' : 'missing'}, script-src 'self' and ${hashes.length} hashes, unsafe-inline in script-src: ${scriptSrc.includes('unsafe-inline')}; in Chromium: signed up, added a task ${added ? 'and saw it listed' : 'but it never appeared'}, visited /settings and a 404; CSP violations and page errors: ${violations.length}${violations.length ? ` (${violations[0]})` : ''}`,
        figures: { hashes: hashes.length, violations: violations.length },
      };
    },
  },
  {
    id: 'docs-asset-lookup',
    finding: 'docs assets looked up through the prototype',
    tried: 'GET /api/docs/assets/{constructor,__proto__,toString,hasOwnProperty}',
    async run(server) {
      const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
      const statuses = [];
      for (const name of names) {
        statuses.push((await server.request('GET', `/api/docs/assets/${name}`)).status);
      }
      const stacks = outputLines(server).filter((line) => line.includes('unhandled error')).length;
      return {
        pass: statuses.every((status) => status === 404) && stacks === 0,
        value: `${names.map((name, i) => `${name} ${statuses[i]}`).join(', ')}; "unhandled error" lines logged: ${stacks}`,
      };
    },
  },
  {
    id: 'cut-short-bodies',
    finding: 'client aborts logged as a database outage; raw lines on stdout',
    tried:
      'on /api/me/tasks, /api/me/chat, /mcp and sign-in: a body the client abandons (Content-Length and chunked) and a malformed chunk',
    async run(server) {
      const user = await server.signUp();
      const head = (path, framing) =>
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.token}\r\nX-Forwarded-For: ${user.address}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n${framing}\r\n`;
      let sent = 0;
      for (const path of ['/api/me/tasks', '/api/me/chat', '/mcp', '/api/auth/sign-in/email']) {
        for (const request of [
          `${head(path, 'Content-Length: 100\r\n')}{"title":`,
          `${head(path, 'Transfer-Encoding: chunked\r\n')}5\r\n{"tit\r\n`,
          `${head(path, 'Transfer-Encoding: chunked\r\n')}5\r\n{"tit\r\nzz\r\nxx\r\n`,
        ]) {
          const connection = await rawConnection(server);
          connection.socket.write(request);
          await sleep(150);
          connection.socket.destroy();
          sent += 1;
        }
      }
      await sleep(500);
      const records = outputLines(server).flatMap((line) => {
        try {
          return [JSON.parse(line)];
        } catch {
          return [];
        }
      });
      const statuses = records.filter((r) => r.msg === 'request').map((r) => r.status);
      const unavailable = records.filter((r) => r.msg === 'database unavailable').length;
      const raw = nonJsonLines(server);
      const counts = statuses.reduce((all, status) => {
        all[status] = (all[status] ?? 0) + 1;
        return all;
      }, {});
      return {
        pass:
          !statuses.includes(503) &&
          !statuses.includes(500) &&
          unavailable === 0 &&
          raw.length === 0,
        value: `${sent} requests cut short; statuses logged: ${Object.entries(counts)
          .map(([status, n]) => `${n}× ${status}`)
          .join(
            ', ',
          )}; "database unavailable" lines: ${unavailable}; output lines that are not JSON: ${raw.length}${raw.length ? ` (${JSON.stringify(raw[0])})` : ''}`,
        figures: { sent, statuses: counts, non_json_lines: raw.length },
      };
    },
  },
  {
    id: 'slowloris',
    finding: 'slow request bodies held for 300 s',
    tried:
      'at the defaults: a signed-in POST whose body comes one byte a second, and headers that come one line a second',
    async run(server) {
      const user = await server.signUp();
      const body = await rawConnection(server);
      body.socket.write(
        `POST /api/me/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${user.token}\r\nX-Forwarded-For: ${user.address}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      );
      const headers = await rawConnection(server);
      headers.socket.write('GET /healthz HTTP/1.1\r\n');
      const drip = setInterval(() => {
        if (!body.socket.destroyed) body.socket.write(' ');
        if (!headers.socket.destroyed) headers.socket.write(`X-Drip-${Date.now()}: 1\r\n`);
      }, 1_000);
      const [bodyMs, headersMs] = await Promise.all([
        Promise.race([body.closed, sleep(60_000).then(() => undefined)]),
        Promise.race([headers.closed, sleep(60_000).then(() => undefined)]),
      ]);
      clearInterval(drip);
      body.socket.destroy();
      headers.socket.destroy();
      const status = (connection) => /^HTTP\/1\.1 (\d+)/.exec(connection.received())?.[1];
      return {
        // HTTP_REQUEST_TIMEOUT_MS 30 s and HTTP_HEADERS_TIMEOUT_MS 10 s, checked every second.
        pass:
          bodyMs !== undefined &&
          bodyMs >= 29_000 &&
          bodyMs <= 33_000 &&
          headersMs !== undefined &&
          headersMs >= 9_000 &&
          headersMs <= 13_000 &&
          status(body) === '408' &&
          status(headers) === '408',
        value: `slow body cut after ${bodyMs === undefined ? '> 60 s' : `${(bodyMs / 1000).toFixed(1)} s`} (${status(body) ?? 'no answer'}); slow headers cut after ${headersMs === undefined ? '> 60 s' : `${(headersMs / 1000).toFixed(1)} s`} (${status(headers) ?? 'no answer'})`,
        figures: { body_ms: bodyMs, headers_ms: headersMs },
      };
    },
  },
  {
    id: 'connection-cap',
    finding: 'no connection cap',
    tried: 'with HTTP_CONNECTIONS_MAX=50: 80 idle connections opened at once, then a request',
    env: { HTTP_CONNECTIONS_MAX: '50' },
    async run(server) {
      const connections = await Promise.all(
        Array.from({ length: 80 }, () => rawConnection(server).catch(() => undefined)),
      );
      await sleep(500);
      const open = connections.filter((c) => c && !c.socket.destroyed && !c.socket.readableEnded);
      const refused = 80 - open.length;
      for (const connection of open.slice(0, 10)) connection.socket.destroy();
      await sleep(300);
      const after = await server.request('GET', '/healthz');
      for (const connection of connections) connection?.socket.destroy();
      return {
        // The client's own keep-alive connection to the server may hold one of the 50.
        pass: open.length >= 49 && open.length <= 50 && after.status === 200,
        value: `of 80 connections ${open.length} stayed open and ${refused} were closed at once; with 10 closed, a request answered ${after.status}`,
        figures: { open: open.length, refused },
      };
    },
  },
];
