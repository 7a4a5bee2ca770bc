// The chart README's "Checked by CI" table: every claim names a test that exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readmeFile } from './values-doc.ts';

const testDir = path.dirname(new URL(import.meta.url).pathname);

it('every claim in the chart README names a test that exists', () => {
  const readme = readFileSync(readmeFile, 'utf8');
  const section = readme.slice(
    readme.indexOf('## Checked by CI'),
    readme.indexOf('### Not verified'),
  );
  const rows = [...section.matchAll(/^\|[^|]+\| `([\w.-]+\.test\.ts)` › (.+) \|$/gm)];
  expect(rows.length).toBeGreaterThan(30);
  const files = new Set(readdirSync(testDir).filter((f) => f.endsWith('.test.ts')));
  for (const [, file, title] of rows) {
    expect(files, `${file}`).toContain(file);
    const source = readFileSync(path.join(testDir, file as string), 'utf8');
    // Titles are quoted in the source; the README may quote a prefix of a long one.
    const prefix = (title as string).trim();
    expect(
      source.includes(`'${prefix}`) || source.includes(`\`${prefix}`),
      `${file} › ${prefix}`,
    ).toBe(true);
  }
});
