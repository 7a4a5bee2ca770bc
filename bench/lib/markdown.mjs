// Markdown helpers shared by the tables of docs/performance.md.

export const ENGINE_NAMES = { postgres: 'PostgreSQL', pglite: 'PGlite' };
export const SCENARIO_ORDER = ['list', 'create', 'toggle', 'chat', 'mcp', 'static'];

export function table(headers, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell ?? '–')).join(' | ')} |`;
  // Right-align the columns that hold only figures.
  const numeric = (text) => /^[-–\d.,%×/ ]*$/.test(String(text ?? '–'));
  const align = headers.map((_, index) =>
    index > 0 && rows.every((row) => numeric(row[index])) ? '---:' : '---',
  );
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

export const n = (value, digits = 0) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '–'
    : Number(value).toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
export const ms = (value) =>
  value === undefined || value === null ? '–' : n(value, value < 10 ? 1 : 0);
export const pct = (ratio) =>
  ratio === undefined || ratio === null ? '–' : `${n(ratio * 100, 1)} %`;
export const engines = (results) => Object.keys(results.engines);

export function change(before, after, lowerIsBetter) {
  if (!before || after === undefined) return '–';
  const delta = (after - before) / before;
  const sign = delta > 0 ? '+' : '';
  const good = lowerIsBetter ? delta < 0 : delta > 0;
  return `${sign}${n(delta * 100, 0)} %${Math.abs(delta) >= 0.1 && good ? ' ✓' : ''}`;
}
