// An MCP SDK client connected to a test app in-process, as a given bearer token.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { TestApp } from './helpers.ts';

export async function connectMcp(
  app: TestApp['app'],
  token: string | undefined,
  mode: 'auto' | 'legacy' = 'auto',
): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://localhost:8080/mcp'), {
    fetch: async (url, init) => app.request(url instanceof URL ? url.href : url, init),
    requestInit: { headers: token ? { authorization: `Bearer ${token}` } : {} },
  });
  const client = new Client(
    { name: 'todo-chatbot-tests', version: '1.0.0' },
    { versionNegotiation: { mode } },
  );
  await client.connect(transport);
  return client;
}

/** The JSON a tool returned as text, or its error text. */
export function toolText(result: unknown): string {
  const content = (result as { content: { type: string; text?: string }[] }).content;
  return content.map((part) => part.text ?? '').join('');
}
