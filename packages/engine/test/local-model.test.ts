// LocalModel as the Agents SDK calls it: a deterministic response for the same history.
import type { AgentInputItem } from '@openai/agents';
import { user } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { LocalModel } from '../src/index.ts';

const NOW = new Date('2026-11-21T10:00:00Z'); // a Saturday
const options = { now: () => NOW, timeZone: 'Asia/Karachi' };

describe('LocalModel.getResponse', () => {
  const request = (input: string | AgentInputItem[]) => ({
    input,
    modelSettings: {},
    tools: [],
    outputType: 'text' as const,
    handoffs: [],
    tracing: false as const,
  });

  it('gives the same output, ids and usage for the same history', async () => {
    const model = new LocalModel(options);
    const history: AgentInputItem[] = [user('add call mom tomorrow and pay rent on friday')];
    const a = await model.getResponse(request(history));
    const b = await model.getResponse(request(history));
    expect(a).toEqual(b);
    expect(a.output).toMatchObject([
      { type: 'function_call', callId: 'call_1', name: 'add_task' },
      { type: 'function_call', callId: 'call_2', name: 'add_task' },
    ]);
    expect(a.usage.requests).toBe(1);
    expect(a.usage.totalTokens).toBe(a.usage.inputTokens + a.usage.outputTokens);
  });

  it('accepts a plain string input and defaults to UTC', async () => {
    const model = new LocalModel({ now: () => NOW });
    const response = await model.getResponse(request('add pay bills tomorrow at 9am'));
    expect(response.output).toMatchObject([
      { arguments: JSON.stringify({ title: 'Pay bills', due_at: '2026-11-22T09:00:00Z' }) },
    ]);
  });
});
