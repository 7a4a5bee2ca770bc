// Turns the API build (apps/api/dist: one bundle with every dependency but PGlite, see
// apps/api/build.mjs) into the runtime tree of the API image: the bundle minified (names kept,
// no source map), the migrations beside it, and the two Swagger UI assets that /api/docs reads
// from node_modules. PGlite is not in the image: production runs on PostgreSQL.
//
//   node scripts/containers/bundle-api.mjs <out-dir>    (run from the repository root, after
//                                                        `npm run build -w apps/api`)
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const out = path.resolve(process.argv[2] ?? 'container-out');
const apiDist = path.resolve('apps/api/dist');
const require = createRequire(path.resolve('apps/api/package.json'));

await build({
  entryPoints: [path.join(apiDist, 'index.js')],
  outfile: path.join(out, 'dist/index.js'),
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  // Keep function and class names: stack traces and error names stay readable.
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

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
