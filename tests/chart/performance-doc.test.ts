// docs/performance.md, where the chart's API resources come from (values.test.ts holds them
// equal): its prose is written by hand, its tables are rewritten between markers by
// bench/render.mjs from bench/results. latest.json, the full run, stays local; the blocks made
// from committed results must be current, and a full run must fill every block there is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/tools.ts';

type Blocks = Record<string, string | undefined>;
interface Results {
  latest?: unknown;
  before?: unknown;
  experiments: unknown[];
}
interface Render {
  docFile: string;
  readResults(): Results;
  renderBlocks(results: Results): Blocks;
  blockNames(doc: string): string[];
  withBlocks(doc: string, blocks: Blocks): string;
}

// A computed specifier: bench/ is plain JavaScript without type declarations.
const renderModule = path.join(repoRoot, 'bench/render.mjs');
const render = (await import(renderModule)) as Render;
const doc = readFileSync(render.docFile, 'utf8');

describe('docs/performance.md', () => {
  it('its tables from committed results are what bench/render.mjs writes', () => {
    const results = render.readResults();
    const blocks = render.renderBlocks({ ...results, latest: undefined });
    expect(Object.keys(blocks)).toEqual(
      expect.arrayContaining(['cluster', 'profile', 'experiment-all-fixes']),
    );
    expect(doc, 'run `node bench/render.mjs`').toBe(render.withBlocks(doc, blocks));
  });

  it('has a place for every table a full run makes, and no block a run cannot fill', () => {
    // before.json has the shape of any full run, so it stands in for the local latest.json.
    const results = render.readResults();
    const full = render.renderBlocks({ ...results, latest: results.before });
    expect(render.blockNames(doc).sort()).toEqual(Object.keys(full).sort());
    for (const [name, markdown] of Object.entries(full))
      expect(markdown, `${name} from a full run`).toBeTruthy();
  });

  it('keeps the blocks whose results are missing, and refuses a marker without its end', () => {
    const text = '<!-- bench:machine:start -->\nold\n<!-- bench:machine:end -->\n';
    expect(render.withBlocks(text, {})).toBe(text);
    expect(render.withBlocks(text, { machine: 'new' })).toBe(text.replace('old', 'new'));
    expect(() => render.withBlocks('<!-- bench:machine:start -->\nold\n', {})).toThrow(/end/);
  });
});
