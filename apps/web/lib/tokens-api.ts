// Personal API tokens, which MCP clients send as `Authorization: Bearer todo_…`.
import { apiRequest } from './api-client';
import type { ApiToken, CreatedToken } from './types';

export async function listTokens(): Promise<ApiToken[]> {
  const result = await apiRequest<{ tokens: ApiToken[] }>('GET', '/api/me/tokens');
  return result.tokens;
}

export function createToken(name: string): Promise<CreatedToken> {
  return apiRequest('POST', '/api/me/tokens', { body: { name } });
}

export async function revokeToken(id: ApiToken['id']): Promise<void> {
  await apiRequest('DELETE', `/api/me/tokens/${id}`);
}
