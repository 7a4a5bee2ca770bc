// Describes the machine and the moment, so a reader can judge whether two runs compare.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { loadAverage } from './proc.mjs';

export function describeMachine(postgresVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu_model: model,
    cores: os.availableParallelism(),
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    postgres: postgresVersion,
    git_commit: git(['rev-parse', '--short', 'HEAD']),
    git_dirty: git(['status', '--porcelain', '--', 'apps/api']) !== '',
    loadavg_start: loadAverage(),
    // What else ran: the load generator shares the cores with the server and the database.
    busy_processes: busyProcesses(),
  };
}

function git(args) {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** The processes using the most CPU right now, by name only (no arguments, no secrets). */
export function busyProcesses(limit = 5) {
  try {
    const out = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], {
      encoding: 'utf8',
    });
    return out
      .trim()
      .split('\n')
      .slice(0, limit)
      .map((line) => line.trim().replace(/\s+/, ' '));
  } catch {
    return [];
  }
}
