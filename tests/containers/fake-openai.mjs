// A minimal OpenAI-compatible Chat Completions endpoint for the container test: it answers every
// turn with one fixed sentence, plain or streamed, so the test can show that the API image's
// bundled OpenAI client reaches a configured model (LLM_PROVIDER=openai).
//
//   node tests/containers/fake-openai.mjs <port>      → base URL http://127.0.0.1:<port>/v1
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const ANSWER = 'Hello from the fake model.';

function completion(model) {
  return {
    id: 'chatcmpl-container-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 6, total_tokens: 16 },
  };
}

function chunk(model, delta, finishReason = null) {
  const body = {
    id: 'chatcmpl-container-test',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

const server = createServer((request, response) => {
  let raw = '';
  request.setEncoding('utf8');
  request.on('data', (part) => {
    raw += part;
  });
  request.on('end', () => {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(raw || '{}');
    const model = body.model ?? 'fake';
    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(completion(model)));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(chunk(model, { role: 'assistant', content: '' }));
    response.write(chunk(model, { content: ANSWER }));
    response.write(chunk(model, {}, 'stop'));
    response.end('data: [DONE]\n\n');
  });
});

server.listen(port, '127.0.0.1', () => console.log(`fake OpenAI on ${port}`));
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => server.close(() => process.exit(0)));
