// kube-score, checkov and kubeconform on every profile of the chart's test matrix, as Helm renders it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles } from '../chart/helpers/profiles.ts';
import { renderRaw } from '../chart/helpers/render.ts';
import { kubernetesVersion, writeKubeJsonSchemas } from './support/kube-json-schemas.ts';
import { runTool, unexplained } from './support/tools.ts';
import { type Finding, unusedWaivers } from './waivers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'todo-quality-'));
const rendered = new Map<string, string>();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  for (const [index, profile] of profiles.entries()) {
    const { code, stdout, stderr } = await renderRaw(profile.options);
    if (code !== 0) throw new Error(`helm template (${profile.name}) failed:\n${stderr}`);
    const file = path.join(dir, `profile-${index}.yaml`);
    writeFileSync(file, stdout);
    rendered.set(profile.name, file);
  }
});

interface KubeScoreObject {
  object_name: string;
  checks: {
    check: { id: string };
    grade: number;
    skipped: boolean;
    comments: { path: string; summary: string }[] | null;
  }[];
}

async function kubeScore(profile: string, file: string): Promise<Finding[]> {
  // Exit code 1 means findings; the JSON tells which.
  const { stdout, stderr } = await runTool('kube-score', [
    'score',
    file,
    '--output-format',
    'json',
  ]);
  if (!stdout.trim()) throw new Error(`kube-score printed nothing:\n${stderr}`);
  const findings: Finding[] = [];
  for (const object of JSON.parse(stdout) as KubeScoreObject[]) {
    // Kind/group/version/namespace/name, the group absent for core kinds.
    const parts = object.object_name.split('/');
    const [kind, name] = [parts[0], parts.at(-1)];
    for (const check of object.checks) {
      if (check.skipped || check.grade >= 10) continue;
      for (const comment of check.comments ?? [{ path: '', summary: '' }]) {
        findings.push({
          tool: 'kube-score',
          rule: check.check.id,
          where: `${profile} ${kind}/${name} ${comment.path ? `(${comment.path})` : ''}`.trim(),
          message: comment.summary,
        });
      }
    }
  }
  return findings;
}

interface CheckovReport {
  results: {
    failed_checks: { check_id: string; check_name: string; resource: string }[];
  };
}

async function checkov(profile: string, file: string): Promise<Finding[]> {
  const { stdout, stderr } = await runTool('checkov', [
    '--file',
    file,
    '--framework',
    'kubernetes',
    '--output',
    'json',
    '--quiet',
    '--compact',
    '--skip-download',
  ]);
  if (!stdout.trim()) throw new Error(`checkov printed nothing:\n${stderr}`);
  const parsed = JSON.parse(stdout) as CheckovReport | CheckovReport[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  return reports.flatMap((report) =>
    (report.results?.failed_checks ?? []).map((check) => {
      // checkov names a resource Kind.namespace.name
      const [kind, , ...name] = check.resource.split('.');
      return {
        tool: 'checkov',
        rule: check.check_id,
        where: `${profile} ${kind}/${name.join('.')} `,
        message: check.check_name,
      };
    }),
  );
}

const schemaDir = path.join(dir, 'schemas');
let schemaCounts: { core: number; crds: number };

interface KubeconformReport {
  resources: { kind: string; name: string; version: string; status: string; msg?: string }[];
}

async function kubeconform(profile: string, file: string): Promise<Finding[]> {
  schemaCounts ??= writeKubeJsonSchemas(schemaDir);
  const { stdout, stderr } = await runTool('kubeconform', [
    '-strict',
    '-summary',
    '-output',
    'json',
    '-kubernetes-version',
    kubernetesVersion,
    '-schema-location',
    `${schemaDir}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    file,
  ]);
  if (!stdout.trim()) throw new Error(`kubeconform printed nothing:\n${stderr}`);
  // Valid resources are not listed; anything listed is invalid, failed or had no schema.
  return (JSON.parse(stdout) as KubeconformReport).resources.map((resource) => ({
    tool: 'kubeconform',
    rule: resource.status,
    where: `${profile} ${resource.kind}/${resource.name}`,
    message: resource.msg ?? '',
  }));
}

describe('kubeconform', () => {
  it('makes its strict schemas from upstream sources: every core kind and the CRDs the chart uses', () => {
    schemaCounts ??= writeKubeJsonSchemas(schemaDir);
    expect(schemaCounts.core).toBeGreaterThan(100);
    expect(schemaCounts.crds).toBeGreaterThanOrEqual(4);
  });
});

for (const [name, run] of [
  ['kube-score', kubeScore],
  ['checkov', checkov],
  ['kubeconform', kubeconform],
] as const) {
  describe(name, () => {
    it('finds nothing unexplained in any profile, and every waiver still matches a finding', async () => {
      const findings: Finding[] = [];
      for (const profile of profiles) {
        findings.push(...(await run(profile.name, rendered.get(profile.name) as string)));
      }
      expect(unexplained(findings)).toEqual([]);
      expect(unusedWaivers(name, findings)).toEqual([]);
    });
  });
}
