// A local OpenAI-compatible Chat Completions server: real HTTP, scripted answers, recorded requests.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ChatCompletionRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: unknown; tool_calls?: unknown[] }[];
  tools?: { type: string; function: { name: string; parameters: unknown } }[];
}

/** What the fake answers: a tool call, some text, or an HTTP failure. */
export type FakeAnswer =
  | { toolCall: ToolCallAnswer }
  /** Several calls in one response, as models that call tools in parallel send them. */
  | { toolCalls: ToolCallAnswer[] }
  | { text: string }
  | { status: number; delayMs?: number };

interface ToolCallAnswer {
  name: string;
  arguments: Record<string, unknown>;
}

export interface FakeOpenAI {
  baseUrl: string;
  requests: { body: ChatCompletionRequest; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(
  answer: (request: ChatCompletionRequest) => FakeAnswer,
): Promise<FakeOpenAI> {
  const requests: FakeOpenAI['requests'] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatCompletionRequest;
    requests.push({ body, authorization: req.headers.authorization });
    if (req.url !== '/v1/chat/completions')
      return sendJson(res, 404, { error: { message: 'not found' } });
    const reply = answer(body);
    if ('status' in reply) {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs ?? 0));
      if (!res.destroyed)
        sendJson(res, reply.status, {
          error: { message: 'scripted failure', type: 'server_error' },
        });
      return;
    }
    if (body.stream) return streamAnswer(res, reply);
    const calls = toolCallsOf(reply);
    const message =
      'text' in reply
        ? { role: 'assistant', content: reply.text }
        : { role: 'assistant', content: null, tool_calls: calls.map(toolCall) };
    sendJson(res, 200, {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message, finish_reason: 'text' in reply ? 'stop' : 'tool_calls' }],
      usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function toolCallsOf(reply: Exclude<FakeAnswer, { status: number }>): ToolCallAnswer[] {
  if ('toolCall' in reply) return [reply.toolCall];
  return 'toolCalls' in reply ? reply.toolCalls : [];
}

let callCounter = 0;
function toolCall(call: ToolCallAnswer) {
  callCounter += 1;
  return {
    id: `call_fake_${callCounter}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  };
}

function streamAnswer(res: ServerResponse, reply: Exclude<FakeAnswer, { status: number }>) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    res.write(
      `data: ${JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model: 'fake',
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`,
    );
  if (!('text' in reply)) {
    const calls = toolCallsOf(reply).map((call, index) => ({ index, ...toolCall(call) }));
    chunk({ role: 'assistant', tool_calls: calls }, null);
    chunk({}, 'tool_calls');
  } else {
    for (const word of reply.text.split(/(?<= )/)) chunk({ content: word }, null);
    chunk({}, 'stop');
  }
  res.end('data: [DONE]\n\n');
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}
