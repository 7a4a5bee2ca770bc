import { describe, expect, it } from 'vitest';
import { toAgentInput } from '../../src/chat/history.ts';
import type { Message } from '../../src/db/schema.ts';

let nextId = 1;
const message = (
  role: Message['role'],
  content: string,
  toolCalls: Message['toolCalls'] = [],
): Message => ({
  id: nextId++,
  conversationId: 1,
  userId: 'u',
  role,
  content,
  toolCalls,
  createdAt: new Date(),
});

describe('replaying a conversation to the model', () => {
  it('turns stored tool calls back into call and result items before the reply', () => {
    const items = toAgentInput(
      [
        message('user', 'show my tasks'),
        message('assistant', 'You have 1 task.', [
          {
            name: 'list_tasks',
            arguments: { status: 'pending' },
            result: [{ id: 4, title: 'Milk' }],
          },
        ]),
        message('user', 'complete the first one'),
      ],
      { messages: 30, characters: 10_000 },
    );
    expect(items).toEqual([
      { role: 'user', content: 'show my tasks' },
      expect.objectContaining({
        type: 'function_call',
        name: 'list_tasks',
        arguments: '{"status":"pending"}',
      }),
      expect.objectContaining({
        type: 'function_call_result',
        name: 'list_tasks',
        output: '[{"id":4,"title":"Milk"}]',
      }),
      {
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'You have 1 task.' }],
      },
      { role: 'user', content: 'complete the first one' },
    ]);
    const [, call, result] = items as { callId?: string }[];
    expect(call?.callId).toBe(result?.callId);
  });

  it('keeps only the newest messages that fit, opening on a user message', () => {
    const stored = Array.from({ length: 40 }, (_, i) =>
      message(i % 2 === 0 ? 'user' : 'assistant', `m${i}`),
    );
    const byCount = toAgentInput(stored, { messages: 5, characters: 100_000 });
    // The newest five are m35..m39; m35 is an answer, so the window opens at m36.
    expect(byCount.map((item) => (item as { content: unknown }).content)).toEqual([
      'm36',
      [{ type: 'output_text', text: 'm37' }],
      'm38',
      [{ type: 'output_text', text: 'm39' }],
    ]);
    const long = [
      message('user', 'x'.repeat(5_000)),
      message('assistant', 'ok'),
      message('user', 'latest'),
    ];
    expect(toAgentInput(long, { messages: 30, characters: 1_000 })).toEqual([
      { role: 'user', content: 'latest' },
    ]);
  });

  it('always keeps the newest message, even when it alone exceeds the budget', () => {
    const items = toAgentInput([message('user', 'y'.repeat(3_000))], {
      messages: 30,
      characters: 1_000,
    });
    expect(items).toHaveLength(1);
  });
});
