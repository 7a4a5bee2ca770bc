// A stand-in API for the web container's proxy checks: every request gets a Server-Sent Events
// response whose first event (at once) carries the request's method, path and headers as nginx
// forwarded them, and whose second event follows a pause. Through an unbuffered proxy the first
// event arrives a pause before the second; a buffering proxy delivers both together.
//
//   node tests/containers/fake-upstream.mjs <port> [pause-ms]
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const pauseMs = Number(process.argv[3] ?? 1500);

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    // Both events are small, far under nginx's proxy buffers: buffering would hold them back.
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const seen = { method: request.method, url: request.url, headers: request.headers };
    response.write(`event: request\ndata: ${JSON.stringify(seen)}\n\n`);
    setTimeout(() => response.end('event: done\ndata: {}\n\n'), pauseMs);
  });
});

server.listen(port, '127.0.0.1', () => console.log(`fake upstream on ${port}`));
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => server.close(() => process.exit(0)));
