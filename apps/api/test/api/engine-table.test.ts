// Drives every utterance of the tables through planTurn against the real MCP tools, each row
// from the same ten tasks.
import type { AgentInputItem } from '@openai/agents';
import type { Language } from '@todo-chatbot/engine';
import { describe, expect, it } from 'vitest';
import { NOW, type Row, seed } from '../engine/table.ts';
import { english } from '../engine/table-en.ts';
import { roman } from '../engine/table-roman.ts';
import { urdu } from '../engine/table-ur.ts';
import { runTurn, useEngineTools } from '../engine/turns.ts';

const romanWords =
  /\b(?:kar|diya|diye|karun|hai|ho|gaya|nahi|mila|mile|aap|ke|ka|ki|kya|batayein|shabash|mukammal|maazrat|khushi|misal|kaun|sa)\b/i;

/** The language of a reply, judged on its first line without the quoted task titles. */
function replyLanguage(reply: string): Language {
  const line = (reply.split('\n')[0] ?? '').replace(/"[^"]*"/g, ' ');
  if (/[\u0600-\u06FF]/.test(line)) return 'ur';
  return romanWords.test(line) ? 'roman' : 'en';
}

const tables: [string, Row[]][] = [
  ['English', english],
  ['Urdu', urdu],
  ['Roman Urdu', roman],
];
let passed = 0;
const total = english.length + urdu.length + roman.length;

const engine = useEngineTools(NOW, seed, () =>
  console.log(
    `engine utterance table: ${passed}/${total} passed (${english.length} English, ${urdu.length} Urdu, ${roman.length} Roman Urdu)`,
  ),
);

describe.each(tables)('%s utterances', (_name, rows) => {
  it.each(rows.map((row) => [[...(row.before ?? []), row.say].join(' ⟶ '), row] as const))(
    '%s',
    async (_label, row) => {
      const ctx = { now: NOW, timeZone: row.tz ?? 'UTC' };
      await engine().restore();
      const history: AgentInputItem[] = [];
      for (const text of row.before ?? []) await runTurn(history, text, engine(), ctx);
      const { calls, reply } = await runTurn(history, row.say, engine(), ctx);

      expect(calls).toEqual(row.calls);
      for (const [id, fields] of Object.entries(row.state ?? {})) {
        const task = await engine().task(Number(id));
        if (fields === null) expect(task, `task ${id} deleted`).toBeUndefined();
        else expect(task, `task ${id}`).toMatchObject(fields);
      }
      if (row.reply) expect(reply).toContain(row.reply);
      expect(replyLanguage(reply), reply).toBe(row.lang);
      passed++;
    },
  );
});

describe('the table', () => {
  it('holds at least 150 utterances in all three languages', () => {
    expect(total).toBeGreaterThanOrEqual(150);
    expect(english.length).toBeGreaterThanOrEqual(90);
    expect(urdu.length).toBeGreaterThanOrEqual(30);
    expect(roman.length).toBeGreaterThanOrEqual(30);
  });
});
