// The offline engine within one turn's limits, against the real MCP tools: beyond them it asks
// instead of acting, in the user's language; within them it says exactly what it did, failures
// included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTaskCap } from '../../src/tasks/quota.ts';
import { KARACHI, NOW, seed } from '../engine/table.ts';
import { runTurn, useEngineTools } from '../engine/turns.ts';

const limits = { toolCalls: 25, newTasks: 20 };
const ctx = { now: NOW, timeZone: KARACHI };

const engine = useEngineTools(NOW, seed);

const say = (text: string) => runTurn([], text, engine(), ctx, limits);

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i + 1}`);

describe('more new tasks than one turn may add', () => {
  it.each([
    [
      'English',
      `add ${words(21, 'chore').join(', ')}`,
      "That's 21 tasks; I can add up to 20 at once, so I haven't added any. Please send them in groups of 20 or fewer.",
    ],
    [
      'Urdu',
      `${words(21, 'کام').join('، ')} شامل کرو`,
      'یہ 21 کام ہیں؛ میں ایک وقت میں زیادہ سے زیادہ 20 شامل کر سکتا ہوں، اس لیے کوئی بھی شامل نہیں کیا۔ براہ کرم 20 یا اس سے کم کے گروپ میں بھیجیں۔',
    ],
    [
      'Roman Urdu',
      `${words(21, 'kaam').join(', ')} add karo`,
      'Ye 21 tasks hain; main ek waqt mein zyada se zyada 20 add kar sakta hoon, is liye koi bhi add nahi kiya. Baraye meherbani 20 ya kam ke group mein bhejein.',
    ],
  ])('%s: asks, and adds nothing', async (_language, text, expected) => {
    await engine().restore();
    const { calls, reply } = await say(text);
    expect(calls).toEqual([]);
    expect(reply).toBe(expected);
    expect(await engine().tasks()).toHaveLength(seed.length);
  });

  it('adds exactly the limit', async () => {
    await engine().restore();
    const { calls, reply } = await say(`add ${words(20, 'chore').join(', ')}`);
    expect(calls.filter((call) => call.name === 'add_task')).toHaveLength(20);
    expect(reply).toMatch(/^Added 20 tasks:/);
  });
});

describe('more tasks to change than one turn may touch', () => {
  it('asks instead of completing 30 tasks, and completes 25', async () => {
    await engine().seed(Array.from({ length: 40 }, (_, i) => ({ title: `chore ${i + 1}` })));
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');
    const over = await say(`complete tasks ${ids(30)}`);
    expect(over.calls).toEqual([]);
    expect(over.reply).toBe(
      "That's 30 tasks to change; I can change up to 25 in one message, so I haven't changed any. Please name 25 or fewer at a time.",
    );
    const within = await say(`complete tasks ${ids(25)}`);
    expect(within.calls).toHaveLength(25);
    expect(within.reply.split('\n')).toHaveLength(25);
  });
});

describe('a task list that refuses new tasks', () => {
  // The per-account cap (TASKS_PER_USER_MAX) as the app sets it, with room for two more tasks.
  beforeAll(() => setTaskCap(engine().app.database.db, seed.length + 2));
  afterAll(() => setTaskCap(engine().app.database.db, engine().app.config.tasksPerUserMax));

  it('names what was added, and the refused tasks in one line with the reason', async () => {
    await engine().seed(seed);
    const { reply } = await say('add wash car, pay rent, book flights and call mom');
    expect(reply).toBe(
      [
        'Added 2 tasks:',
        '• "Wash car"',
        '• "Pay rent"',
        `"Book flights", "Call mom": Sorry, that didn't work: You already have 12 tasks, the most one account may hold. Delete some (completed ones, for example) to add more.`,
      ].join('\n'),
    );
  });
});
