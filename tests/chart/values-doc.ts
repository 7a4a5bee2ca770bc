// The chart README's values table, generated from the `## @param` comments of values.yaml.
// `node tests/chart/values-doc.ts --write` rewrites it; CI fails when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const chartDir = fileURLToPath(new URL('../../deploy/helm/todo-chatbot/', import.meta.url));
export const valuesFile = path.join(chartDir, 'values.yaml');
export const readmeFile = path.join(chartDir, 'README.md');
const start = '<!-- values-table:start -->';
const end = '<!-- values-table:end -->';

export interface Param {
  path: string;
  description: string;
  section: string;
}

/** The documented values, in file order. */
export function params(text = readFileSync(valuesFile, 'utf8')): Param[] {
  const out: Param[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const s = /^\s*## @section (.+)$/.exec(line);
    if (s?.[1]) section = s[1].trim();
    const p = /^\s*## @param (\S+) (.+)$/.exec(line);
    if (p?.[1] && p[2]) out.push({ path: p[1], description: p[2].trim(), section });
  }
  return out;
}

export function valueAt(values: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function valuesTable(): string {
  const values = parse(readFileSync(valuesFile, 'utf8'));
  const lines: string[] = [];
  let section = '';
  for (const param of params()) {
    if (param.section !== section) {
      section = param.section;
      lines.push('', `### ${section}`, '', '| Key | Description | Default |', '|---|---|---|');
    }
    const value = JSON.stringify(valueAt(values, param.path));
    lines.push(
      `| \`${param.path}\` | ${cell(param.description)} | \`${cell(value ?? 'undefined')}\` |`,
    );
  }
  return `${start}\n${lines.join('\n').trim()}\n${end}`;
}

/** The README with its table replaced by the current one. */
export function readmeWithTable(readme = readFileSync(readmeFile, 'utf8')): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return readme.slice(0, from) + valuesTable() + readme.slice(to + end.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeFileSync(readmeFile, readmeWithTable());
  else process.stdout.write(`${valuesTable()}\n`);
}
