// The API as the image runs it: scripts/containers/bundle-api.mjs minifies dist/'s bundle
// and lays it out without PGlite. Pods run that, not dist/, so the chart's resources are sized
// on it: cold start, memory at rest and under load, and the same under a heap cap like the one
// a container memory limit imposes.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { coldStarts } from './cold-start.mjs';
import { runLoadSet } from './common.mjs';
import { HEAP_PROBE_ARGS, sleep } from './server.mjs';
import { repoRoot } from './snapshot.mjs';

const SCRIPT = path.join(repoRoot, 'scripts', 'containers', 'bundle-api.mjs');

/**
 * Bundles `distDir` (our snapshot, so experiments bundle their own build) into `workDir/image`.
 * The script reads apps/api/dist relative to its working directory, so it gets a small tree
 * that looks like the repository. Returns the entry, or a note saying why there is none.
 */
export async function bundleForImage(distDir, workDir) {
  if (!existsSync(SCRIPT)) return { note: 'scripts/containers/bundle-api.mjs is missing' };
  const fakeRoot = path.join(workDir, 'image-root');
  await mkdir(path.join(fakeRoot, 'apps', 'api'), { recursive: true });
  await cp(distDir, path.join(fakeRoot, 'apps', 'api', 'dist'), { recursive: true });
  await cp(
    path.join(repoRoot, 'apps', 'api', 'package.json'),
    path.join(fakeRoot, 'apps', 'api', 'package.json'),
  );
  const out = path.join(workDir, 'image');
  try {
    execFileSync(process.execPath, [SCRIPT, out], {
      cwd: fakeRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    return {
      note: `bundle-api.mjs failed: ${String(error.stderr ?? error.message).split('\n')[0]}`,
    };
  }
  return { entry: path.join(out, 'dist', 'index.js') };
}

/**
 * Heap settings the bundle is measured under: by default V8's own sizing. More can be compared,
 * e.g. BENCH_HEAP_SETTINGS="capped=--max-old-space-size=128;young=--max-old-space-size=128 --max-semi-space-size=8".
 */
function heapSettings() {
  const settings = { v8_default: [] };
  for (const entry of (process.env.BENCH_HEAP_SETTINGS ?? '').split(';').filter(Boolean)) {
    const at = entry.indexOf('=');
    settings[entry.slice(0, at)] = entry
      .slice(at + 1)
      .split(' ')
      .filter(Boolean);
  }
  return settings;
}

/** Cold starts of the bundle, then the load set under each heap setting. */
export async function measureImageBundle({
  build,
  start,
  context,
  crowd,
  load,
  heapFile,
  options,
  log,
}) {
  const bundle = await bundleForImage(
    path.dirname(build.entry),
    path.dirname(path.dirname(build.entry)),
  );
  if (!bundle.entry) {
    log(`image bundle: skipped, ${bundle.note}`);
    return { skipped: bundle.note };
  }
  const startBundle = (extra = {}) => start({ ...extra, entry: bundle.entry });
  const result = { cold_start: await coldStarts(() => startBundle(), options.coldRuns), heap: {} };
  log(`image bundle: cold start median ${result.cold_start.median_ms} ms`);

  for (const [name, flags] of Object.entries(heapSettings())) {
    const server = await startBundle({ nodeArgs: [...HEAP_PROBE_ARGS, ...flags] });
    await sleep(2000);
    const set = await runLoadSet({ server, context, crowd, load, options, heapFile });
    await server.stop();
    result.heap[name] = { node_options: flags.join(' '), ...set };
    log(
      `image bundle, ${name}: list ${set.list.rps} rps, 100 users ${set.users_100.rps} rps, peak RSS ${set.peak_mb} MB`,
    );
  }
  return result;
}
