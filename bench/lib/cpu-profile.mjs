// CPU profiles of the server under test, taken through its inspector only while the load runs
// (so start-up does not dilute them), and summarised: where self time goes, and which packages
// are on the stack, with bundle positions mapped back to apps/api/src through the source map.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

/** Connects to a process started with --inspect=127.0.0.1:<port>. */
export async function connectInspector(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async start(intervalMicros = 500) {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: intervalMicros });
      await send('Profiler.start');
    },
    async stop() {
      const { profile } = await send('Profiler.stop');
      return profile;
    },
    close: () => socket.close(),
  };
}

/** Summarises a profile: top self-time functions and packages, and packages' inclusive share. */
export function summariseProfile(profile, bundlePath, top = 15) {
  const map = loadSourceMap(bundlePath);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map();
  const packageSelf = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') {
      idle += micros;
      return;
    }
    total += micros;
    const where = locate(frame, map);
    add(self, `${frame.functionName || '(anonymous)'} ${where.location}`, micros);
    add(packageSelf, where.owner, micros);
    // Each package on the stack counts once per sample: "time with X somewhere below".
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const owner = locate(nodes.get(at).callFrame, map).owner;
      if (!seen.has(owner)) {
        seen.add(owner);
        add(inclusive, owner, micros);
      }
    }
  });

  const share = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({
        name,
        ms: Math.round(micros / 1000),
        percent: Math.round((1000 * micros) / total) / 10,
      }));
  return {
    busy_ms: Math.round(total / 1000),
    idle_ms: Math.round(idle / 1000),
    self_functions: share(self),
    self_packages: share(packageSelf),
    inclusive_packages: share(inclusive),
  };
}

const add = (table, key, value) => table.set(key, (table.get(key) ?? 0) + value);

export function locate(frame, map) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url)
    return { owner: functionName.startsWith('(') ? functionName : '(native)', location: '' };
  if (url.startsWith('node:')) return { owner: 'node (built-in modules)', location: url };
  const inPackage = packageLocation(url, lineNumber);
  if (inPackage) return inPackage;
  if (map && url.endsWith('/dist/index.js')) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource;
      const fromPackage = packageLocation(source, entry.originalLine);
      if (fromPackage) return fromPackage;
      const workspace = /(?:apps|packages)\/[^/]+\/src\/.*$/.exec(source)?.[0] ?? source;
      return {
        owner: `app: ${path.dirname(workspace).replace('apps/api/src', 'src')}`,
        location: `${workspace}:${entry.originalLine + 1}`,
      };
    }
  }
  return { owner: 'other', location: `${url}:${lineNumber + 1}` };
}

/** The package a file under node_modules belongs to, from a URL or a bundle's source map. */
function packageLocation(file, lineNumber) {
  const modules = file.lastIndexOf('/node_modules/');
  if (modules < 0) return undefined;
  const rest = file.slice(modules + '/node_modules/'.length).split('/');
  // drizzle-orm's own source maps name "../src/x.ts", which resolves to node_modules/src/x.ts.
  const name =
    rest[0] === 'src' ? 'drizzle-orm' : rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  const inside = rest[0] === 'src' ? rest : rest.slice(name.split('/').length);
  return { owner: name, location: `${name}/${inside.join('/')}:${lineNumber + 1}` };
}

export function loadSourceMap(bundlePath) {
  try {
    return new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')));
  } catch {
    return undefined;
  }
}
