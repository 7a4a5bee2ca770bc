// `npm start`: build what is missing or out of date, then serve the API and the web app in
// this one process on one port.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const webOut = path.join(web, 'out');

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    0,
  );
}

function build(workspace) {
  execFileSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
}

// Next's build takes a while; skip it when the export is newer than every web source.
const hasWebApp = existsSync(path.join(web, 'app'));
if (hasWebApp) {
  const sources = readdirSync(web)
    .filter((name) => !['node_modules', '.next', 'out', 'test'].includes(name))
    .map((name) => path.join(web, name));
  // The web app also compiles the shared contract (types and vocabulary) into its export.
  sources.push(path.join(root, 'packages/contract/src'));
  const builtAt = newestChange(path.join(webOut, 'index.html'));
  if (builtAt < Math.max(...sources.map(newestChange))) build('apps/web');
  process.env.WEB_DIR ??= webOut;
}
build('apps/api');

await import(pathToFileURL(path.join(root, 'apps/api/dist/index.js')).href);
