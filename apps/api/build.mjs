// Bundles the API and every dependency it loads at start into dist/index.js, with the
// migrations beside it: one file starts in a fraction of the time and memory of resolving
// node_modules module by module. PGlite stays outside the bundle (its WebAssembly and data files
// load from its package): only single-process mode needs it, through import(), and the API image
// leaves it out. The build fails if any package outside the bundle would load at import time.
import { cp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

// Reached only through import() in single-process mode.
const optional = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'drizzle-orm/pglite',
  'drizzle-orm/pglite/*',
];
// Optional peer of pg, never installed.
const never = ['pg-native'];

await rm('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  external: [...optional, ...never],
  // Keep function and class names: stack traces and error names stay readable.
  keepNames: true,
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

// What stays outside may be reached only through import() or through require() calls esbuild
// found guarded by try/catch (optional peers such as bufferutil): a static import of it would
// stop the image's server at load time.
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const problems = Object.values(result.metafile.outputs)
  .flatMap((output) => output.imports ?? [])
  .filter((entry) => entry.external && !builtins.has(entry.path))
  .filter((entry) => entry.kind === 'import-statement')
  .map((entry) => `${entry.path} is imported at load time but is not bundled`);
if (problems.length > 0) {
  console.error(`build: the bundle is not self-contained:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

await cp('src/db/migrations', 'dist/migrations', { recursive: true });
