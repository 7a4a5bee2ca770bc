// Every awk program in the project's scripts runs the same under mawk (Debian's default awk) and
// gawk (the default elsewhere). gawk refuses some variable names mawk accepts (its builtins, such
// as `load`), and the two differ in corners of the language; this finds both before a user does.
// The Minikube suite also runs whole with gawk as awk (.ci/run: TEST_AWK=gawk).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';

const awks = ['mawk', 'gawk'] as const;

interface AwkProgram {
  where: string;
  variables: string[];
  program: string;
}

/** Files that run awk: every tracked shell script, and the chart's test-pod commands. */
function filesWithAwk(): string[] {
  return execFileSync('git', ['ls-files', '*.sh', 'deploy/helm/*.yaml'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && /\bawk\b/.test(readFileSync(`${repoRoot}/${file}`, 'utf8')));
}

// `awk [-v name=…]… 'program'` or, inside a double-quoted `bash -c`, `awk "program"`.
const invocation =
  /\bawk((?:\s+-v\s+[A-Za-z_]\w*=(?:"[^"]*"|\S+))*)\s+(?:'([^']*)'|"((?:[^"\\]|\\.)*)")/g;
const variableName = /-v\s+([A-Za-z_]\w*)=/g;

function awkPrograms(): { programs: AwkProgram[]; invocationLines: string[] } {
  const programs: AwkProgram[] = [];
  const invocationLines: string[] = [];
  for (const file of filesWithAwk()) {
    const text = readFileSync(`${repoRoot}/${file}`, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      // A line that runs awk (not a comment, not a list of tool names).
      if (/^\s*#/.test(line) || !/\bawk\s+(-v|'|")/.test(line)) return;
      invocationLines.push(`${file}:${index + 1}`);
    });
    for (const match of text.matchAll(invocation)) {
      const line = text.slice(0, match.index).split('\n').length;
      const program = match[2] ?? (match[3] as string).replace(/\\(["$\\])/g, '$1');
      programs.push({
        where: `${file}:${line}`,
        variables: [...(match[1] ?? '').matchAll(variableName)].map((m) => m[1] as string),
        program,
      });
    }
  }
  return { programs, invocationLines };
}

// Input shaped like what the scripts feed awk: words, numbers, a comment, an empty line.
const sampleInput = [
  '# a comment',
  'require example.com/module v1.2.3',
  '-N KUBE-SERVICES',
  '1 nonroot 65532',
  'set-auth-token: abc',
  '',
  '12:00:01.5 event: request',
].join('\n');

function run(awk: string, { variables, program }: AwkProgram, input: string) {
  const args = variables.flatMap((name) => ['-v', `${name}=1`]);
  const result = spawnSync(awk, [...args, program], { input, encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('awk portability', () => {
  const { programs, invocationLines } = awkPrograms();

  it('finds every awk program the scripts run', () => {
    expect(programs.length).toBeGreaterThan(10);
    expect([...new Set(programs.map((p) => p.where))].sort()).toEqual(invocationLines.sort());
  });

  it('has both awks to compare', () => {
    for (const awk of awks) expect(spawnSync(awk, ['BEGIN { exit 0 }']).status, awk).toBe(0);
  });

  it('runs every program the same under mawk and gawk, on empty and on sample input', () => {
    const differences: string[] = [];
    for (const program of programs) {
      for (const input of ['', sampleInput]) {
        const [mawk, gawk] = awks.map((awk) => run(awk, program, input));
        if (gawk?.stderr || mawk?.stderr || JSON.stringify(mawk) !== JSON.stringify(gawk))
          differences.push(
            `${program.where}: mawk ${JSON.stringify(mawk)} vs gawk ${JSON.stringify(gawk)}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });
});
