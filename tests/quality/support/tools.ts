// Runs one installed checker and applies the waivers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { type RunResult, repoRoot, run } from '../../chart/helpers/tools.ts';
import { type Finding, waived } from '../waivers.ts';

export function tool(name: string): string {
  for (const dir of inject('qualityBin').split(':')) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed (scripts/quality/install-tools.sh)`);
}

/** Runs an installed checker with this process's environment, from `cwd`. */
export function runTool(name: string, args: string[], cwd = repoRoot): Promise<RunResult> {
  return run(tool(name), args, { cwd, env: process.env });
}

/** Findings left after the waivers, one line each, for an assertion message a person reads. */
export function unexplained(findings: Finding[]): string[] {
  return findings
    .filter((finding) => !waived(finding))
    .map((f) => `${f.tool} ${f.rule} ${f.where}: ${f.message}`);
}
