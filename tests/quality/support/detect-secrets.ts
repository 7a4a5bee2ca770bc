// detect-secrets over a directory tree (or some paths in it), as findings; `label` says where
// the tree came from.
import type { Finding } from '../waivers.ts';
import { runTool } from './tools.ts';

interface Baseline {
  results: Record<string, { type: string; line_number: number }[]>;
}

export async function detectSecrets(
  root: string,
  tool: string,
  label: string,
  paths = ['.'],
): Promise<Finding[]> {
  // --all-files: every file, not only those git tracks (an image's file system has no git).
  const { code, stdout, stderr } = await runTool(
    'detect-secrets',
    ['scan', '--all-files', ...paths],
    root,
  );
  if (code !== 0 || !stdout.trim()) throw new Error(`detect-secrets failed (${code}):\n${stderr}`);
  const baseline = JSON.parse(stdout) as Baseline;
  return Object.entries(baseline.results).flatMap(([file, secrets]) =>
    secrets.map((secret) => ({
      tool,
      rule: secret.type,
      where: `${label} ${file}:${secret.line_number}`,
      message: `a possible ${secret.type}`,
    })),
  );
}
