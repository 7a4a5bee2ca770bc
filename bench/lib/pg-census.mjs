// Counts what the API asks of PostgreSQL per request: a TCP proxy between the API and the
// database that reads the client's protocol messages. It finds N+1 patterns without touching
// the server's configuration (no pg_stat_statements, no statement logging needed).
import net from 'node:net';

/** Starts the proxy on a free port in front of `upstream` ({host, port}). */
export async function startCensusProxy(upstream) {
  let counts = emptyCounts();
  const sockets = new Set();
  const server = net.createServer((client) => {
    const database = net.connect(upstream.port, upstream.host);
    sockets.add(client).add(database);
    const parser = frontendParser((type, payload) => record(counts, type, payload));
    client.on('data', (chunk) => {
      parser(chunk);
      database.write(chunk);
    });
    database.pipe(client);
    const end = () => {
      client.destroy();
      database.destroy();
      sockets.delete(client);
      sockets.delete(database);
    };
    client.on('close', end).on('error', end);
    database.on('close', end).on('error', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    /** Returns the counts since the last call and starts counting afresh. */
    take() {
      const taken = counts;
      counts = emptyCounts();
      return taken;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const emptyCounts = () => ({
  statements: 0,
  roundTrips: 0,
  connections: 0,
  byStatement: new Map(),
});

function record(counts, type, payload) {
  if (type === 'startup') counts.connections += 1;
  // A round trip ends at Sync (extended protocol) or with a simple Query.
  if (type === 'S' || type === 'Q') counts.roundTrips += 1;
  if (type === 'E' || type === 'Q') counts.statements += 1;
  if (type === 'P' || type === 'Q') {
    // Parse: statement name, then the SQL, both NUL-terminated. Query: the SQL.
    const start = type === 'P' ? payload.indexOf(0) + 1 : 0;
    const text = payload.toString('utf8', start, payload.indexOf(0, start)).trim();
    const key = summarise(text);
    counts.byStatement.set(key, (counts.byStatement.get(key) ?? 0) + 1);
  }
}

/** "select … from "sessions" where …" → `select sessions`, enough to see what repeats. */
function summarise(text) {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? '?';
  const table = /\b(?:from|into|update)\s+"?(\w+)"?(?:\."?(\w+)"?)?/i.exec(text);
  if (['begin', 'commit', 'rollback'].includes(verb)) return verb;
  const name = table ? (table[2] ?? table[1]) : text.slice(0, 40);
  const lock = /\bfor update\b/i.test(text) ? ' for update' : '';
  return `${verb} ${name}${lock}`;
}

/** Splits the client's byte stream into messages; the first one (startup) has no type byte. */
function frontendParser(onMessage) {
  let buffer = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        // 80877103 is an SSLRequest: the real startup message follows it.
        if (code !== 80877103) {
          started = true;
          onMessage('startup', buffer.subarray(8, length));
        }
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      onMessage(String.fromCharCode(buffer[0]), buffer.subarray(5, length + 1));
      buffer = buffer.subarray(length + 1);
    }
  };
}
