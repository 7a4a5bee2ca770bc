// The HTTP ceiling: node:http answering every request with a fixed JSON body, nothing else.
// Run as its own process (like the API) so the comparison shares the same CPU contention.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// Without a file it answers like a readiness probe (used for the cold-start floor).
const body = process.argv[2] ? readFileSync(process.argv[2]) : Buffer.from('{"status":"ready"}');
const headers = { 'content-type': 'application/json', 'content-length': body.length };
createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
