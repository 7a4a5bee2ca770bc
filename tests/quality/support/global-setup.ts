// Installs the pinned tools once (a no-op when cached) and hands their directory to the tests.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../../chart/helpers/tools.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    qualityBin: string;
  }
}

export default function setup(project: TestProject): void {
  const printed = execFileSync('bash', ['scripts/quality/install-tools.sh'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bin = /^export QUALITY_BIN=(.+)$/m.exec(printed)?.[1];
  if (!bin) throw new Error(`install-tools.sh printed no QUALITY_BIN:\n${printed}`);
  project.provide('qualityBin', bin);
}
