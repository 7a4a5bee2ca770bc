// `helm lint --strict` with Helm 3 and Helm 4, and the chart's kubeVersion range.
import { describe, expect, it } from 'vitest';
import { renderRaw } from './helpers/render.ts';
import { chartDir, helm, helmVersions } from './helpers/tools.ts';

const valueSets = [[], ['values-local.yaml'], ['values-production.yaml']];

describe.each(helmVersions)('%s', (version) => {
  it.each(valueSets)(
    'helm lint --strict passes with default values %s',
    async (...files: string[]) => {
      const args = [
        'lint',
        '--strict',
        chartDir,
        ...files.flatMap((f) => ['--values', `${chartDir}/${f}`]),
      ];
      const result = await helm(version, args);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
      expect(result.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    },
  );

  it('renders for every Kubernetes version of the kubeVersion range and refuses older ones', async () => {
    for (const kubeVersion of ['1.30.0', '1.32.4', '1.35.0', 'v1.33.5-eks-1234567'])
      expect((await renderRaw({ helm: version, kubeVersion })).code, kubeVersion).toBe(0);
    const old = await renderRaw({ helm: version, kubeVersion: '1.29.9' });
    expect(old.code).not.toBe(0);
    expect(old.stderr).toMatch(/kubeVersion/);
  });
});
