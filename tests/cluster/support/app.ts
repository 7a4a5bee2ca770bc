// The app as its users reach it: HTTP through a URL the cluster serves (a port-forwarded Service
// or a NodePort), a bearer session from sign-up, Server-Sent Events, and an MCP SDK client.
import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { fetchSend, signUp as kitSignUp } from '@todo-chatbot/test-kit';
import { expect } from 'vitest';
import { parseSse } from '../../../apps/api/test/sse.ts';

export { toolText } from '../../../apps/api/test/mcp-client.ts';

export interface Session {
  base: string;
  token: string;
  email: string;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies the tests read field by field.
  body: any;
}

/** The origin browsers use: the local profile's PUBLIC_URL (values-local.yaml). */
export const publicOrigin = 'http://todo.local';

export async function signUp(base: string, name: string): Promise<Session> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  // Node's fetch sends Sec-Fetch-Mode like a browser, so Better Auth asks for an Origin too.
  const send = fetchSend(base, { headers: { origin: publicOrigin } });
  const { token } = await kitSignUp(send, {
    name,
    email,
    password: 'correct horse battery staple',
  });
  return { base, token, email };
}

export async function call(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  base = session.base,
): Promise<Reply> {
  const headers = { authorization: `Bearer ${session.token}` };
  const { status, body: parsed } = await fetchSend(base)(method, path, { body, headers });
  return { status, body: parsed };
}

/** A chat turn as Server-Sent Events: every event in order, with its JSON data. */
export async function chatStream(
  session: Session,
  message: string,
): Promise<{ contentType: string; events: { event: string; data: unknown }[] }> {
  const response = await fetch(`${session.base}/api/me/chat/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
  const events = parseSse(await response.text());
  return { contentType: response.headers.get('content-type') ?? '', events };
}

export async function connectMcp(base: string, token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'todo-chatbot-cluster-tests', version: '1.0.0' });
  await client.connect(transport);
  return client;
}
