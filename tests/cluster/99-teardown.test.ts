// Runs last: down.sh leaves the machine exactly as it was before up.sh, and a component that does
// not come up makes up.sh fail within a bounded wait, showing that component's log.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import { cluster, localClusterDir } from './support/cluster.ts';
import { record } from './support/figures.ts';

const hostState = () =>
  execFileSync('bash', [path.join(repoRoot, 'tests/cluster/host-state.sh')], { encoding: 'utf8' });

function script(
  name: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stderr: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(localClusterDir, name)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

describe('teardown', () => {
  it('down.sh leaves no process, mount, interface, iptables rule or state behind', async () => {
    const down = await script('down.sh', 180_000);
    expect(down.code, down.stderr).toBe(0);
    record('down.sh', down.seconds, 's');
    expect(hostState()).toBe(cluster().hostStateBefore);
  });

  it('a component that does not come up fails up.sh within its bounded wait, with its log', async () => {
    // kube-proxy's health port taken by someone else: kube-proxy never reports healthy.
    const squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(10256, '127.0.0.1', resolve));
    try {
      // The bound is shortened for kube-proxy only: what is tested is that up.sh gives up and
      // shows the log, not how long the default bound is.
      const up = await script('up.sh', 300_000, { LOCAL_CLUSTER_WAIT_KUBE_PROXY: '10' });
      expect(up.code).not.toBe(0);
      expect(up.stderr).toMatch(/kube-proxy (was not ready within 10 s|exited while starting)/);
      expect(up.stderr).toMatch(/----- last lines of .*kube-proxy\.log -----/);
      expect(up.seconds).toBeLessThan(150);
    } finally {
      squatter.close();
    }
    const down = await script('down.sh', 180_000);
    expect(down.code, down.stderr).toBe(0);
    expect(hostState()).toBe(cluster().hostStateBefore);
  });
});
