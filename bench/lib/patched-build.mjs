// Builds the API from a copy of apps/api with patches applied, with apps/api/build.mjs itself
// (one bundle, PGlite outside, migrations beside it). Nothing under apps/ changes.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
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
  for (const entry of ['src', 'build.mjs', 'package.json', 'tsconfig.json']) {
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
  // apps/api/build.mjs itself, run in the copy (inside the repository, so node_modules resolve).
  execFileSync(process.execPath, ['build.mjs'], {
    cwd: api,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return path.join(api, 'dist');
}
