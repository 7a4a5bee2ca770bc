// detect-secrets over every file version in the repository's history, not only today's tree:
// a secret committed once and deleted later is still in every clone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import { detectSecrets } from './support/detect-secrets.ts';
import { unexplained } from './support/tools.ts';
import { unusedWaivers } from './waivers.ts';

const work = mkdtempSync(path.join(tmpdir(), 'todo-history-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (args: string[]) =>
  execFileSync('git', args, { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 });

/** Writes each blob of every commit under <blob id>/<its path> and answers how many. */
function checkOutHistory(): number {
  const objects = git(['rev-list', '--objects', '--all']).toString().split('\n');
  const blobs = new Map<string, string>();
  const types = git([
    'cat-file',
    '--batch-check=%(objecttype) %(objectname)',
    '--batch-all-objects',
  ])
    .toString()
    .split('\n');
  const isBlob = new Set(types.filter((t) => t.startsWith('blob ')).map((t) => t.slice(5)));
  for (const line of objects) {
    const [id, ...rest] = line.split(' ');
    const file = rest.join(' ');
    if (id && file && isBlob.has(id) && !blobs.has(id)) blobs.set(id, file);
  }
  for (const [id, file] of blobs) {
    const target = path.join(work, id.slice(0, 12), file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, git(['cat-file', 'blob', id]));
  }
  return blobs.size;
}

describe('detect-secrets', () => {
  const tool = 'detect-secrets (history)';
  it('finds no secret in any version of any file ever committed, and every waiver still matches', async () => {
    expect(checkOutHistory()).toBeGreaterThan(100);
    const findings = (await detectSecrets(work, tool, 'history')).map((finding) => ({
      // "history 0123abcd4567/path:line" → "history path:line (blob 0123abcd4567)"
      ...finding,
      where: finding.where.replace(/^history (\w{12})\/(.*)$/, 'history $2 (blob $1)'),
    }));
    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers(tool, findings)).toEqual([]);
  });
});
