// hadolint on both Dockerfiles and yamllint on the chart's values files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import { runTool, unexplained } from './support/tools.ts';
import { type Finding, unusedWaivers } from './waivers.ts';

const dockerfiles = ['apps/api/Dockerfile', 'apps/web/Dockerfile'];
const valuesFiles = [
  'deploy/helm/todo-chatbot/values.yaml',
  'deploy/helm/todo-chatbot/values-local.yaml',
  'deploy/helm/todo-chatbot/values-production.yaml',
  'deploy/local-cluster/values-cluster.yaml',
  'tests/cluster/values-load.yaml',
];

describe('hadolint', () => {
  it('finds nothing unexplained in the Dockerfiles, and every waiver still matches', async () => {
    const findings: Finding[] = [];
    for (const file of dockerfiles) {
      const { stdout, stderr } = await runTool('hadolint', ['--format', 'json', '--no-fail', file]);
      if (!stdout.trim()) throw new Error(`hadolint printed nothing:\n${stderr}`);
      for (const r of JSON.parse(stdout) as { code: string; line: number; message: string }[]) {
        findings.push({
          tool: 'hadolint',
          rule: r.code,
          where: `${file}:${r.line}`,
          message: r.message,
        });
      }
    }
    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers('hadolint', findings)).toEqual([]);
  });
});

describe('yamllint', () => {
  it('finds nothing in the values files (rules in tests/quality/yamllint.yaml)', async () => {
    const { code, stdout, stderr } = await runTool('yamllint', [
      '--config-file',
      'tests/quality/yamllint.yaml',
      '--format',
      'parsable',
      '--strict',
      ...valuesFiles,
    ]);
    expect(stdout + stderr).toBe('');
    expect(code).toBe(0);
  });

  it('leaves only the @param documentation lines of values.yaml longer than 100 columns', () => {
    const long = readFileSync(path.join(repoRoot, valuesFiles[0] as string), 'utf8')
      .split('\n')
      .filter((line) => line.length > 100 && !/^\s*## @param /.test(line));
    expect(long).toEqual([]);
  });
});
