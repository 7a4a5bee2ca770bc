// Builds the API from a copy of apps/api with patches applied, exactly as `npm run build` does
// (esbuild, dependencies external, migrations beside the bundle). Nothing under apps/ changes.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './snapshot.mjs';

export const experimentsDir = path.join(repoRoot, 'bench', 'experiments');

/** The patch's first paragraph (before the diff) says what it changes and why. */
export async function describePatch(name) {
  const text = await readFile(path.join(experimentsDir, `${name}.patch`), 'utf8');
  return text.slice(0, text.indexOf('\n--- ')).trim();
}

/** Returns the path of the built dist/ directory. */
export async function buildVariant(patches, outDir) {
  await rm(outDir, { recursive: true, force: true });
  const api = path.join(outDir, 'apps', 'api');
  await mkdir(api, { recursive: true });
  for (const entry of ['src', 'package.json', 'tsconfig.json']) {
    await cp(path.join(repoRoot, 'apps', 'api', entry), path.join(api, entry), { recursive: true });
  }
  await cp(path.join(repoRoot, 'tsconfig.base.json'), path.join(outDir, 'tsconfig.base.json'));
  for (const name of patches) {
    // `patch` skips the description above the diff; --forward refuses a patch already applied.
    execFileSync(
      'patch',
      [
        '-p1',
        '--forward',
        '--batch',
        '-d',
        outDir,
        '-i',
        path.join(experimentsDir, `${name}.patch`),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  const dist = path.join(api, 'dist');
  // The options of apps/api/build.mjs.
  await build({
    entryPoints: [path.join(api, 'src', 'index.ts')],
    outfile: path.join(dist, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  await cp(path.join(api, 'src', 'db', 'migrations'), path.join(dist, 'migrations'), {
    recursive: true,
  });
  return dist;
}
