// Which model answers: the offline engine, or any OpenAI-compatible Chat Completions endpoint.
import { type Model, OpenAIChatCompletionsModel } from '@openai/agents';
import OpenAI from 'openai';
import type { Config } from '../config.ts';
import { LocalModel } from './engine/index.ts';

export interface AssistantModel {
  provider: 'local' | 'openai' | 'custom';
  model: string;
  /** A model for one turn; the local engine reads dates in the user's time zone. */
  forTurn(context: { timeZone: string }): Model;
}

export function createAssistantModel(llm: Config['llm']): AssistantModel {
  if (llm.provider === 'local') {
    return {
      provider: 'local',
      model: 'todo-local',
      forTurn: ({ timeZone }) => new LocalModel({ timeZone }),
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
