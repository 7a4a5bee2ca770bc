// Turns the API build (apps/api/dist, dependencies external) into the runtime tree of the API
// image: one self-contained ESM bundle, the migrations beside it, and the two Swagger UI assets
// that /api/docs reads from node_modules. PGlite stays out (production runs on PostgreSQL); the
// build fails if anything still loads it, or any other package, at import time.
//
//   node scripts/containers/bundle-api.mjs <out-dir>    (run from the repository root, after
//                                                        `npm run build -w apps/api`)
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const out = path.resolve(process.argv[2] ?? 'container-out');
const apiDist = path.resolve('apps/api/dist');
const require = createRequire(path.resolve('apps/api/package.json'));

// Loaded only by single-process mode, through dynamic import(); absent from the image.
const optional = ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/*'];
// Optional peer of pg, never installed.
const never = ['pg-native'];

const result = await build({
  entryPoints: [path.join(apiDist, 'index.js')],
  outfile: path.join(out, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  // Keep function and class names: stack traces and error names stay readable.
  keepNames: true,
  legalComments: 'eof',
  external: [...optional, ...never],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});

// A static import of a package that is not in the image would stop the server at load time, so
// the only packages left outside the bundle may be reached through import() (PGlite) or through
// require() calls esbuild found guarded by try/catch (optional peers such as bufferutil).
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const problems = [];
for (const output of Object.values(result.metafile.outputs)) {
  for (const entry of output.imports ?? []) {
    if (!entry.external || builtins.has(entry.path)) continue;
    if (entry.kind === 'import-statement') {
      problems.push(`${entry.path} is imported at load time but is not bundled`);
    }
  }
}
if (problems.length > 0) {
  console.error(
    `bundle-api: the runtime bundle is not self-contained:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}

await cp(path.join(apiDist, 'migrations'), path.join(out, 'dist/migrations'), { recursive: true });

// /api/docs resolves swagger-ui-dist/package.json at run time and reads two files beside it.
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const swaggerOut = path.join(out, 'node_modules/swagger-ui-dist');
await mkdir(swaggerOut, { recursive: true });
for (const file of ['package.json', 'LICENSE', 'swagger-ui.css', 'swagger-ui-bundle.js']) {
  await cp(path.join(swaggerDir, file), path.join(swaggerOut, file));
}

const { version } = JSON.parse(await readFile('apps/api/package.json', 'utf8'));
await writeFile(
  path.join(out, 'package.json'),
  `${JSON.stringify({ name: 'todo-chatbot-api', version, private: true, type: 'module' }, null, 2)}\n`,
);

const { size } = await stat(path.join(out, 'dist/index.js'));
console.log(`bundle-api: ${path.join(out, 'dist/index.js')} ${(size / 1e6).toFixed(1)} MB`);
