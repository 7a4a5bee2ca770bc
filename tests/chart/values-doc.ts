// The two files generated from the documentation comments of values.yaml (values-params.ts): the
// chart README's values table and values.schema.json (values-schema.ts).
// `node tests/chart/values-doc.ts --write` rewrites both; without --write it names the stale ones
// and fails. CI (values.test.ts) fails when either is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { chartDir, params, valueAt, valuesFile } from './values-params.ts';
import { schemaFile, schemaText } from './values-schema.ts';

export const readmeFile = path.join(chartDir, 'README.md');
const start = '<!-- values-table:start -->';
const end = '<!-- values-table:end -->';

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
  const generated = [
    { file: readmeFile, text: readmeWithTable() },
    { file: schemaFile, text: schemaText() },
  ];
  const stale = generated.filter(({ file, text }) => readFileSync(file, 'utf8') !== text);
  if (process.argv.includes('--write'))
    for (const { file, text } of stale) writeFileSync(file, text);
  else if (stale.length > 0) {
    console.error(`out of date: ${stale.map(({ file }) => file).join(', ')}; run with --write`);
    process.exitCode = 1;
  }
}
