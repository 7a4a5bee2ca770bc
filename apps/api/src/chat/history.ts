// Turns stored messages back into the agent's input items, within a bounded window.
import type { AgentInputItem } from '@openai/agents';
import type { Message } from '../db/schema.ts';
import { summarizeToolCall } from './tool-records.ts';

export interface HistoryWindow {
  /** Most messages replayed to the model. */
  messages: number;
  /** Most characters of message text and tool results replayed. */
  characters: number;
}

/**
 * Replays the conversation as the model saw it: each assistant reply is preceded by its tool
 * calls and their results, so "the second one" can still be resolved turns later.
 */
export function toAgentInput(stored: Message[], window: HistoryWindow): AgentInputItem[] {
  const kept: Message[] = [];
  let budget = window.characters;
  // Messages stored before tool results were summarized are replayed as if they had been.
  const bounded = stored.map((message) => ({
    ...message,
    toolCalls: message.toolCalls.map(summarizeToolCall),
  }));
  for (const message of bounded.reverse().slice(0, window.messages)) {
    const size = message.content.length + JSON.stringify(message.toolCalls).length;
    if (size > budget && kept.length > 0) break;
    budget -= size;
    kept.unshift(message);
  }
  // A window must open on the user's words, not on an answer to something cut off.
  while (kept.length > 1 && kept[0]?.role !== 'user') kept.shift();
  return kept.flatMap(toItems);
}

function toItems(message: Message): AgentInputItem[] {
  if (message.role === 'user') return [{ role: 'user', content: message.content }];
  const calls = message.toolCalls.flatMap((call, index): AgentInputItem[] => {
    const callId = `call_${message.id}_${index}`;
    return [
      {
        type: 'function_call',
        callId,
        name: call.name,
        arguments: JSON.stringify(call.arguments),
        status: 'completed',
      },
      {
        type: 'function_call_result',
        callId,
        name: call.name,
        status: 'completed',
        output: typeof call.result === 'string' ? call.result : JSON.stringify(call.result),
      },
    ];
  });
  return [
    ...calls,
    {
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: message.content }],
    },
  ];
}
