// The offline engine within one turn's limits: beyond them it asks instead of acting, in the
// user's language; within them it says exactly what it did, failures included.
import type { AgentInputItem } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../../../src/chat/engine/types.ts';
import { FakeTasks, runTurn } from './fake-tools.ts';
import { KARACHI, NOW, seed } from './table.ts';

const limits = { toolCalls: 25, newTasks: 20 };
const ctx = { now: NOW, timeZone: KARACHI };

function say(text: string, store = new FakeTasks(seed, ctx)) {
  const result = runTurn([] as AgentInputItem[], text, store, limits);
  return { ...result, store };
}

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
  ])('%s: asks, and adds nothing', (_language, text, expected) => {
    const { calls, reply, store } = say(text);
    expect(calls).toEqual([]);
    expect(reply).toBe(expected);
    expect(store.tasks).toHaveLength(seed.length);
  });

  it('adds exactly the limit', () => {
    const { calls, reply } = say(`add ${words(20, 'chore').join(', ')}`);
    expect(calls.filter((call) => call.name === 'add_task')).toHaveLength(20);
    expect(reply).toMatch(/^Added 20 tasks:/);
  });
});

describe('more tasks to change than one turn may touch', () => {
  it('asks instead of completing 30 tasks, and completes 25', () => {
    const store = new FakeTasks(
      Array.from({ length: 40 }, (_, i) => ({ title: `chore ${i + 1}` })),
      ctx,
    );
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');
    const over = say(`complete tasks ${ids(30)}`, store);
    expect(over.calls).toEqual([]);
    expect(over.reply).toBe(
      "That's 30 tasks to change; I can change up to 25 in one message, so I haven't changed any. Please name 25 or fewer at a time.",
    );
    const within = say(`complete tasks ${ids(25)}`, store);
    expect(within.calls).toHaveLength(25);
    expect(within.reply.split('\n')).toHaveLength(25);
  });
});

describe('a task list that refuses new tasks', () => {
  /** The per-user task cap, as add_task reports it: a tool error with the domain's message. */
  class FullTasks extends FakeTasks {
    override run(call: ToolCall): string {
      if (call.name === 'add_task' && this.tasks.length >= seed.length + 2) {
        return 'Error: You have 12 tasks, the most one account can keep.';
      }
      return super.run(call);
    }
  }

  it('names what was added, and the refused tasks in one line with the reason', () => {
    const { reply } = say(
      'add wash car, pay rent, book flights and call mom',
      new FullTasks(seed, ctx),
    );
    expect(reply).toBe(
      [
        'Added 2 tasks:',
        '• "Wash car"',
        '• "Pay rent"',
        `"Book flights", "Call mom": Sorry, that didn't work: You have 12 tasks, the most one account can keep.`,
      ].join('\n'),
    );
  });
});
