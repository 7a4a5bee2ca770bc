// The requests under test. Each scenario builds an autocannon target for a running server and
// checks one real answer first, so a run can never measure a fast stream of errors.
// Note: autocannon takes the path from `url` and ignores a `path` option, so URLs carry it.

const json = { 'content-type': 'application/json' };
const bearer = (user) => ({ authorization: `Bearer ${user.token}` });

export const MCP_LIST_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'list_tasks', arguments: { limit: 100 } },
});

/** `context`: { url, main (100 tasks), writer, taskIds (main's), webDir }. */
export const scenarios = {
  list: {
    title: 'List 100 tasks',
    request: 'GET /api/me/tasks?limit=100',
    target: ({ url, main }) => ({
      url: `${url}/api/me/tasks?limit=100`,
      method: 'GET',
      headers: bearer(main),
    }),
    check: async (response) => {
      const body = await response.json();
      return body.tasks?.length === 100 || `expected 100 tasks, got ${body.tasks?.length}`;
    },
  },
  create: {
    title: 'Create a task',
    request: 'POST /api/me/tasks',
    target: ({ url, writer }) => ({
      url: `${url}/api/me/tasks`,
      method: 'POST',
      headers: { ...bearer(writer), ...json },
      body: JSON.stringify({
        title: 'Bench task',
        priority: 'medium',
        tags: ['bench'],
        due_at: '2030-01-02T18:00:00Z',
      }),
    }),
    expectStatus: 201,
  },
  toggle: {
    title: 'Toggle completion',
    request: 'PATCH /api/me/tasks/{id}/complete',
    target: ({ url, main, taskIds }) => {
      // Rotate over the user's tasks so connections rarely wait on one row's lock.
      let next = 0;
      return {
        url,
        headers: bearer(main),
        requests: [
          {
            method: 'PATCH',
            setupRequest: (request) => ({
              ...request,
              path: `/api/me/tasks/${taskIds[next++ % taskIds.length]}/complete`,
            }),
          },
        ],
      };
    },
    checkTarget: ({ url, main, taskIds }) => ({
      url: `${url}/api/me/tasks/${taskIds[0]}/complete`,
      method: 'PATCH',
      headers: bearer(main),
    }),
  },
  chat: {
    title: 'Chat turn (offline engine)',
    request: 'POST /api/me/chat "what is pending?"',
    target: ({ url, main }) => ({
      url: `${url}/api/me/chat`,
      method: 'POST',
      headers: { ...bearer(main), ...json },
      body: JSON.stringify({ message: 'what is pending?', time_zone: 'UTC' }),
    }),
    check: async (response) => {
      const body = await response.json();
      return (
        body.tool_calls?.[0]?.name === 'list_tasks' ||
        `no list_tasks call: ${JSON.stringify(body).slice(0, 200)}`
      );
    },
  },
  mcp: {
    title: 'MCP list_tasks',
    request: 'POST /mcp tools/call list_tasks',
    target: ({ url, main }) => ({
      url: `${url}/mcp`,
      method: 'POST',
      headers: { ...bearer(main), ...json, accept: 'application/json, text/event-stream' },
      body: MCP_LIST_BODY,
    }),
    check: async (response) => {
      // Stateless requests are answered as one server-sent event.
      const text = await response.text();
      const data = /^data: (.*)$/m.exec(text)?.[1];
      const result = data ? JSON.parse(data).result : undefined;
      if (!result || result.isError) return `MCP call failed: ${text.slice(0, 200)}`;
      return (
        result.structuredContent?.tasks?.length === 100 || 'expected 100 tasks from list_tasks'
      );
    },
  },
  static: {
    title: 'Static index page',
    request: 'GET /',
    needsWeb: true,
    target: ({ url }) => ({ url: `${url}/`, method: 'GET' }),
    check: async (response) =>
      (await response.text()).includes('<html') || 'index page is not HTML',
  },
};

/** Sends the scenario's request once and throws unless the answer is the expected success. */
export async function checkScenario(name, context) {
  const scenario = scenarios[name];
  const target = scenario.checkTarget?.(context) ?? scenario.target(context);
  const response = await fetch(target.url, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  });
  const expected = scenario.expectStatus ?? 200;
  if (response.status !== expected) {
    throw new Error(`${name}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  const verdict = scenario.check ? await scenario.check(response) : true;
  if (verdict !== true) throw new Error(`${name}: ${verdict}`);
  await response.body?.cancel().catch(() => {});
}
