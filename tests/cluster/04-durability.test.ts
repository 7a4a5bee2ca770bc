// Data outlives the database pod, and migrations run exactly once when replicas start together.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import { call, type Session, signUp } from './support/app.ts';
import {
  cluster,
  component,
  fullName,
  isReady,
  kubectl,
  namespace,
  type PortForward,
  pods,
  portForward,
  psql,
  restarts,
  rolloutStatus,
  sleep,
  waitFor,
} from './support/cluster.ts';
import { record } from './support/figures.ts';

const postgresPod = `${fullName('postgresql')}-0`;

let web: PortForward;
let session: Session;

beforeAll(async () => {
  web = await portForward(fullName('web'), 8080);
  session = await signUp(web.url, 'durable');
});
afterAll(() => web?.close());

describe('the in-cluster database', () => {
  it('keeps every acknowledged write when its pod is deleted', async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await call(session, 'POST', '/api/me/tasks', { title: `durable ${i}` });
      expect(created.status).toBe(201);
      acknowledged.push(created.body.id);
    }
    const [before] = await pods(component('postgresql'));
    const started = Date.now();
    await kubectl(['-n', namespace, 'delete', 'pod', postgresPod, '--wait=true'], {
      timeoutMs: 120_000,
    });
    await waitFor(
      'the database pod to come back ready',
      async () => {
        const [pod] = await pods(component('postgresql'));
        return pod && pod.metadata.uid !== before?.metadata.uid && isReady(pod);
      },
      180_000,
    );
    record('PostgreSQL pod deleted to ready again', (Date.now() - started) / 1000, 's');
    // The API notices the new database connection on its own: readiness and a read recover.
    const listed = await waitFor(
      'the API to read from the new database pod',
      async () => {
        const reply = await call(session, 'GET', '/api/me/tasks?q=durable&limit=200');
        return reply.status === 200 ? reply : undefined;
      },
      60_000,
    );
    const ids = listed.body.tasks
      .map((t: { id: number }) => t.id)
      .sort((a: number, b: number) => a - b);
    expect(ids).toEqual([...acknowledged].sort((a, b) => a - b));
    record(
      'acknowledged writes kept across the database pod deletion',
      `${ids.length} of ${acknowledged.length}`,
    );
  });
});

describe('an API pod deleted while a log reader is attached', () => {
  it('drains and ends by itself, well before the kubelet would kill it', async () => {
    const [pod] = await pods(component('api'));
    if (!pod) throw new Error('no API pod');
    const reader = spawn(
      path.join(cluster().bin, 'kubectl'),
      ['-n', namespace, 'logs', '-f', pod.metadata.name, '-c', 'api', '--since=1s'],
      {
        env: { ...process.env, KUBECONFIG: cluster().kubeconfig },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let streamed = '';
    reader.stdout.on('data', (chunk) => (streamed += chunk));
    const readerEnded = once(reader, 'exit');
    try {
      await sleep(1_000); // the reader is attached
      await call(session, 'GET', '/api/me/tasks'); // a line after the reader attached
      const started = Date.now();
      await kubectl(['-n', namespace, 'delete', 'pod', pod.metadata.name, '--wait=true'], {
        timeoutMs: 120_000,
      });
      const seconds = (Date.now() - started) / 1000;
      await Promise.race([readerEnded, sleep(10_000)]);
      expect(streamed).toContain('shutdown complete');
      const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
      expect(seconds).toBeLessThan(grace);
      record('API pod deleted with a log reader attached: gone after', seconds, 's');
    } finally {
      reader.kill();
    }
    await rolloutStatus(`deployment/${fullName('api')}`, 120);
  });
});

describe('migrations', () => {
  it('scaling the API from 0 to 3 at once on an empty database migrates exactly once, with no restarts', async () => {
    const journal = JSON.parse(
      readFileSync(path.join(repoRoot, 'apps/api/src/db/migrations/meta/_journal.json'), 'utf8'),
    );
    const expected: number = journal.entries.length;
    await kubectl(['-n', namespace, 'scale', `deployment/${fullName('api')}`, '--replicas=0']);
    await waitFor(
      'the API pods to be gone',
      async () => (await pods(component('api'))).length === 0,
      120_000,
    );
    // A new, empty database: the state a first install with three replicas starts from.
    await psql(
      'drop schema if exists drizzle cascade; drop schema public cascade; create schema public;',
    );

    await kubectl(['-n', namespace, 'scale', `deployment/${fullName('api')}`, '--replicas=3']);
    await rolloutStatus(`deployment/${fullName('api')}`, 240);
    const replicas = await pods(component('api'));
    expect(replicas).toHaveLength(3);

    const applied: number[] = [];
    for (const pod of replicas) {
      expect(restarts(pod), `${pod.metadata.name} restarts`).toBe(0);
      const log = await kubectl(['-n', namespace, 'logs', pod.metadata.name, '-c', 'migrate']);
      const line = log
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { applied?: number })
        .find((entry) => entry.applied !== undefined);
      expect(line, `${pod.metadata.name} migrate log:\n${log}`).toBeDefined();
      applied.push(line?.applied ?? -1);
    }
    expect(applied.sort((a, b) => a - b)).toEqual([0, 0, expected]);
    expect(
      await psql('select count(*), count(distinct hash) from drizzle.__drizzle_migrations'),
    ).toBe(`${expected}|${expected}\n`);
    record('migrations applied by three replicas starting together', applied.join(' + '));

    await kubectl(['-n', namespace, 'scale', `deployment/${fullName('api')}`, '--replicas=1']);
    await rolloutStatus(`deployment/${fullName('api')}`, 120);
  });
});
