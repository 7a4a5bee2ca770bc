// Which model answers: the offline engine, or any OpenAI-compatible Chat Completions endpoint.
import { type Model, OpenAIChatCompletionsModel } from '@openai/agents';
import { LocalModel } from '@todo-chatbot/engine';
import OpenAI from 'openai';
import type { Config } from '../config.ts';
import type { TurnLimits } from './turn-budget.ts';

export interface AssistantModel {
  provider: 'local' | 'openai' | 'custom';
  model: string;
  /**
   * A model for one turn. The local engine reads dates in the user's time zone, and asks
   * rather than plans more work than the turn's limits allow.
   */
  forTurn(context: { timeZone: string; limits: TurnLimits }): Model;
}

export function createAssistantModel(llm: Config['llm']): AssistantModel {
  if (llm.provider === 'local') {
    return {
      provider: 'local',
      model: 'todo-local',
      forTurn: ({ timeZone, limits }) => new LocalModel({ timeZone, limits }),
    };
  }
  // Chat Completions rather than the Responses API: Ollama, vLLM, LM Studio, Gemini and
  // OpenRouter all speak it.
  const client = new OpenAI({
    apiKey: llm.apiKey ?? 'not-needed',
    baseURL: llm.baseUrl,
    timeout: llm.timeoutMs,
    maxRetries: 1,
  });
  const model = new OpenAIChatCompletionsModel(client, llm.model);
  return { provider: 'openai', model: llm.model, forTurn: () => model };
}
