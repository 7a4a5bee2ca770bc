// Conversation history and the assistant's identity.
import { apiRequest } from './api-client';
import type { AssistantInfo, ChatMessage, Conversation } from './types';

export async function listConversations(): Promise<Conversation[]> {
  const result = await apiRequest<{ conversations: Conversation[] }>(
    'GET',
    '/api/me/conversations',
  );
  return result.conversations;
}

export async function listMessages(conversationId: number): Promise<ChatMessage[]> {
  const result = await apiRequest<{ messages: ChatMessage[] }>(
    'GET',
    `/api/me/conversations/${conversationId}/messages`,
  );
  return result.messages;
}

export async function deleteConversation(conversationId: number): Promise<void> {
  await apiRequest('DELETE', `/api/me/conversations/${conversationId}`);
}

export function getAssistantInfo(): Promise<AssistantInfo> {
  return apiRequest('GET', '/api/assistant');
}
