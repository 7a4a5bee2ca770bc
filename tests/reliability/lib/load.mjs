// The load: signed-in users, each looping over a list, a create, a completion and a chat turn,
// recording every outcome and every write the service acknowledged, so that afterwards the
// database can be checked for acknowledged writes that went missing.
import { signUp, sleep } from '@todo-chatbot/test-kit';

const PASSWORD = 'correct horse battery staple';

/** What a request must answer to count as served. */
const EXPECTED_STATUS = { list: 200, create: 201, complete: 200, chat: 200 };
// Offline-engine phrases: one adds a task (a write through MCP), one only reads.
const CHAT_MESSAGES = [(title) => `add ${title} tomorrow #load`, () => 'what is pending?'];

/**
 * @param {object} options
 * @param {ReturnType<import('./http.mjs').createClient>} options.client
 * @param {() => string} options.target  base URL for the next request (the balancer, or
 *   replicas in turn)
 * @param {number} options.users
 * @param {number} [options.thinkMs]  pause between one user's requests
 * @param {number} [options.maxRequestsPerUser]  a hard cap, whatever the clock says
 * @param {string} options.label  makes emails and titles unique per run
 */
export function createLoad({
  client,
  target,
  users,
  thinkMs = 0,
  maxRequestsPerUser = 20_000,
  label,
}) {
  const sessions = [];
  const records = [];
  const acknowledged = { tasks: new Map(), completed: new Set(), messages: new Set() };
  let startedAt = 0;
  let stopping = false;
  let loops = [];

  async function call(session, op, method, path, body) {
    const response = await client.request(target(), method, path, {
      body,
      headers: { authorization: `Bearer ${session.token}` },
    });
    records.push({
      t: performance.now() - startedAt,
      op,
      status: response.status,
      ok: response.status === EXPECTED_STATUS[op],
      ms: response.ms,
      code: response.body?.error?.code ?? response.error,
      backend: response.headers['x-backend'],
      retryAfter: response.headers['retry-after'],
      resent: response.resent === true,
    });
    session.requests++;
    return response;
  }

  async function signUpUser(index) {
    const account = {
      email: `${label}-${index}@example.com`,
      password: PASSWORD,
      name: `Load ${index}`,
    };
    const send = (method, path, init) => client.request(target(), method, path, init);
    for (let attempt = 1; ; attempt++) {
      try {
        const { token } = await signUp(send, account);
        return { index, email: account.email, token, requests: 0, seq: 0 };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
      await sleep(500);
    }
  }

  async function userLoop(session, deadline) {
    let lastTask;
    let conversation;
    while (!stopping && performance.now() < deadline && session.requests < maxRequestsPerUser) {
      const step = session.seq++ % 4;
      const title = `${label} u${session.index} #${session.seq}`;
      if (step === 0) {
        await call(session, 'list', 'GET', '/api/me/tasks?limit=20');
      } else if (step === 1) {
        const created = await call(session, 'create', 'POST', '/api/me/tasks', {
          title,
          priority: 'medium',
          tags: ['load'],
        });
        if (created.status === 201) {
          lastTask = created.body.id;
          acknowledged.tasks.set(lastTask, title);
        }
      } else if (step === 2 && lastTask !== undefined) {
        // Setting (not toggling) keeps a repeated or unacknowledged attempt harmless.
        const done = await call(
          session,
          'complete',
          'PATCH',
          `/api/me/tasks/${lastTask}/complete`,
          {
            completed: true,
          },
        );
        if (done.status === 200) acknowledged.completed.add(lastTask);
      } else if (step === 3) {
        const message = CHAT_MESSAGES[Math.floor(session.seq / 4) % CHAT_MESSAGES.length](title);
        const turn = await call(session, 'chat', 'POST', '/api/me/chat', {
          message,
          ...(conversation ? { conversation_id: conversation } : {}),
        });
        if (turn.status === 200) {
          conversation = turn.body.conversation_id;
          acknowledged.messages.add(turn.body.message_id);
          for (const toolCall of turn.body.tool_calls ?? []) {
            const id = toolCall.result?.task_id;
            if (toolCall.name === 'add_task' && typeof id === 'number') {
              acknowledged.tasks.set(id, toolCall.result.title);
            }
          }
        }
      }
      if (thinkMs > 0) await sleep(thinkMs);
    }
  }

  return {
    records,
    acknowledged,
    /** The clock the records' `t` is measured on. */
    now: () => performance.now() - startedAt,
    /** Creates the accounts (a few at a time: password hashing is deliberately slow). */
    async setup() {
      for (let index = 0; index < users; index += 5) {
        const batch = [];
        for (let i = index; i < Math.min(users, index + 5); i++) batch.push(signUpUser(i));
        sessions.push(...(await Promise.all(batch)));
      }
    },
    /** Starts every user; the run ends at `stop()` or after `maxMs`, whichever is first. */
    start(maxMs) {
      startedAt = performance.now();
      const deadline = startedAt + maxMs;
      loops = sessions.map((session) => userLoop(session, deadline));
    },
    elapsedMs: () => performance.now() - startedAt,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      return performance.now() - startedAt;
    },
    async finished() {
      await Promise.all(loops);
      return performance.now() - startedAt;
    },
  };
}

/**
 * Every acknowledged write must be in the database: created tasks (REST and chat), completions,
 * and stored assistant messages. Returns what is missing.
 */
export async function findLostWrites(query, acknowledged) {
  const taskIds = [...acknowledged.tasks.keys()];
  const present = new Set(
    (await query('select id from tasks where id = any($1::int[])', [taskIds])).map((row) => row.id),
  );
  const missingTasks = taskIds.filter((id) => !present.has(id));
  const completedIds = [...acknowledged.completed];
  const notCompleted = (
    await query('select id from tasks where id = any($1::int[]) and not completed', [completedIds])
  ).map((row) => row.id);
  const messageIds = [...acknowledged.messages];
  const storedMessages = new Set(
    (await query('select id from messages where id = any($1::int[])', [messageIds])).map(
      (row) => row.id,
    ),
  );
  const missingMessages = messageIds.filter((id) => !storedMessages.has(id));
  return {
    checked: taskIds.length + completedIds.length + messageIds.length,
    acknowledged_tasks: taskIds.length,
    acknowledged_completions: completedIds.length,
    acknowledged_messages: messageIds.length,
    lost: missingTasks.length + notCompleted.length + missingMessages.length,
    missing_tasks: missingTasks.slice(0, 20),
    lost_completions: notCompleted.slice(0, 20),
    missing_messages: missingMessages.slice(0, 20),
  };
}
