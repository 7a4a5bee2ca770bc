// Runs one installed checker and applies the waivers.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { repoRoot } from '../../chart/helpers/tools.ts';
import { type Finding, waived } from '../waivers.ts';

export function tool(name: string): string {
  for (const dir of inject('qualityBin').split(':')) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed (scripts/quality/install-tools.sh)`);
}

export interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTool(name: string, args: string[], cwd = repoRoot): Promise<Output> {
  return new Promise((resolve) => {
    execFile(tool(name), args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Findings left after the waivers, one line each, for an assertion message a person reads. */
export function unexplained(findings: Finding[]): string[] {
  return findings
    .filter((finding) => !waived(finding))
    .map((f) => `${f.tool} ${f.rule} ${f.where}: ${f.message}`);
}
