// A private PostgreSQL instance for the scenarios, so they can stop and start it at will
// without touching the shared cluster on 5432 that other suites use.
import { spawn } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@todo-chatbot/test-kit';
import pg from 'pg';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
// PostgreSQL refuses to run as root; as root we hand the directory to the postgres user.
const asRoot = process.getuid?.() === 0;

function run(command, args, { allowFailure = false } = {}) {
  const argv = asRoot ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 || allowFailure) resolve({ code, output });
      else reject(new Error(`${path.basename(command)} exited ${code}:\n${output}`));
    });
  });
}

/**
 * Creates a cluster in a temporary directory and starts it on a free port (trust auth,
 * 127.0.0.1 only). Call `destroy()` in a finally block.
 */
export async function createPostgres() {
  const root = await mkdtemp(path.join(tmpdir(), 'todo-reliability-pg-'));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(root, uid, gid);
  }
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const port = await freePort();
  await run(`${BIN}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    // Two replicas with a pool of 10 each, a surge replica and the harness's own checks.
    '-c max_connections=100',
    '-c fsync=off', // a throwaway cluster: durability across a machine crash is not under test
  ].join(' ');

  let running = false;
  const instance = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    logFile,
    async start() {
      await run(`${BIN}/pg_ctl`, ['-D', dataDir, '-l', logFile, '-o', options, '-w', 'start']);
      running = true;
    },
    /** Fast shutdown: open sessions are terminated, as when a database pod is deleted. */
    async stop() {
      await run(`${BIN}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    /** Runs one query on a fresh connection (the harness's view of what was really stored). */
    async query(text, values, database = 'postgres') {
      const client = new pg.Client({
        connectionString: instance.url.replace(/\/postgres$/, `/${database}`),
      });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    /** A fresh database per scenario keeps their figures apart; returns its URL. */
    async createDatabase(name) {
      await instance.query(`create database "${name}"`);
      return instance.url.replace(/\/postgres$/, `/${name}`);
    },
    async destroy() {
      if (running) {
        await run(`${BIN}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], {
          allowFailure: true,
        });
        running = false;
      }
      await rm(root, { recursive: true, force: true });
    },
  };
  await instance.start();
  return instance;
}

async function postgresIds() {
  const line = (await readFile('/etc/passwd', 'utf8'))
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a "postgres" user to own the cluster');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
