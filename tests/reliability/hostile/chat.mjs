// Probes of the chat assistant and the MCP server: one message's work, the per-user caps on
// conversations and messages, the size of a conversation's stored messages, and MCP batches.
import { sleep } from '@todo-chatbot/test-kit';
import { latencySummary } from '../lib/stats.mjs';

const kb = (bytes) => Math.round(bytes / 102.4) / 10;

/** "add t0, t1, …" as long as one chat message may be (4,000 characters). */
function floodMessage() {
  let text = 'add t0';
  let count = 1;
  while (`${text}, t${count}`.length <= 4000) {
    text += `, t${count}`;
    count += 1;
  }
  return { text, count };
}

/** Lists `user`'s tasks until `done` resolves; returns each list's latency in ms. */
async function listWhile(user, done) {
  const latencies = [];
  let finished = false;
  done.finally(() => {
    finished = true;
  });
  while (!finished) {
    const response = await user.request('GET', '/api/me/tasks');
    latencies.push(response.ms);
    await sleep(20);
  }
  return latencies;
}

async function taskCount(user) {
  const response = await user.request('GET', '/api/me/tasks?limit=200');
  return response.body?.tasks?.length ?? -1;
}

const mcpHeaders = { accept: 'application/json, text/event-stream' };
const searches = (n) =>
  Array.from({ length: n }, (_, i) => ({
    jsonrpc: '2.0',
    id: i + 1,
    method: 'tools/call',
    params: { name: 'list_tasks', arguments: { q: `unmatched ${i}` } },
  }));

export default [
  {
    id: 'chat-one-message-800-tasks',
    finding: 'one chat message does unbounded work',
    tried:
      'a 4,000-character "add t0, t1, …" message; then 10 rounds of 4 such messages at once from 4 accounts while another user lists tasks',
    async run(server) {
      const { text, count } = floodMessage();
      const victim = await server.signUp();
      for (let i = 0; i < 7; i++) {
        await victim.request('POST', '/api/me/tasks', { body: { title: `victim ${i}` } });
      }
      const alone = [];
      for (let i = 0; i < 20; i++) alone.push((await victim.request('GET', '/api/me/tasks')).ms);

      const attacker = await server.signUp();
      const single = await attacker.request('POST', '/api/me/chat', { body: { message: text } });
      const created = await taskCount(attacker);
      const reply = String(single.body?.response ?? JSON.stringify(single.body));

      // Ten rounds of four at once, so the other user's lists sample the whole attack; then the
      // same with "hi", the cost of any four chats at once, to read the figure against.
      const attackers = await Promise.all([1, 2, 3, 4].map(() => server.signUp()));
      const rounds = async (message) => {
        const replies = [];
        for (let round = 0; round < 10; round++) {
          const sent = attackers.map((user) =>
            user.request('POST', '/api/me/chat', { body: { message } }),
          );
          replies.push(...(await Promise.all(sent)));
        }
        return replies;
      };
      const flood = rounds(text);
      const during = await listWhile(victim, flood);
      const floodReplies = await flood;
      const floodCreated = (await Promise.all(attackers.map(taskCount))).reduce((a, b) => a + b, 0);
      const ordinary = rounds('hi');
      const duringOrdinary = latencySummary(await listWhile(victim, ordinary));
      await ordinary;

      const aloneStats = latencySummary(alone);
      const duringStats = latencySummary(during);
      const asked = /^That's \d+ tasks; I can add up to 20 at once, so I haven't added any\./.test(
        reply,
      );
      return {
        pass:
          single.status === 200 &&
          created === 0 &&
          asked &&
          floodReplies.every((r) => r.status === 200) &&
          floodCreated === 0 &&
          duringStats.p50_ms < 1_000 &&
          duringStats.max_ms < 5_000,
        value: `${count}-task message: ${single.status} in ${Math.round(single.ms)} ms, ${created} tasks created, reply "${reply.slice(0, 110)}"; 10 × 4 at once: ${floodReplies.filter((r) => r.status === 200).length}/${floodReplies.length} answered 200, ${floodCreated} tasks created, max ${Math.round(Math.max(...floodReplies.map((r) => r.ms)))} ms; other user's list median ${duringStats.p50_ms} ms / max ${duringStats.max_ms} ms over ${duringStats.count} lists (alone ${aloneStats.p50_ms} / ${aloneStats.max_ms} ms; while 4 users say "hi" at once ${duringOrdinary.p50_ms} / ${duringOrdinary.max_ms} ms; before the fix 14 s / 52 s)`,
        figures: {
          message_tasks: count,
          tasks_created: created,
          single_ms: Math.round(single.ms),
          flood_tasks_created: floodCreated,
          victim_alone: aloneStats,
          victim_during: duringStats,
          victim_during_ordinary_chat: duringOrdinary,
        },
      };
    },
  },
  {
    id: 'chat-conversation-and-message-caps',
    finding: 'no per-user quotas (conversations, messages)',
    tried:
      'with CONVERSATIONS_PER_USER_MAX=5 and MESSAGES_PER_CONVERSATION_MAX=6: 8 new conversations at once, then more one by one; 5 turns in one conversation',
    env: { CONVERSATIONS_PER_USER_MAX: '5', MESSAGES_PER_CONVERSATION_MAX: '6' },
    async run(server) {
      const user = await server.signUp();
      const burst = await Promise.all(
        Array.from({ length: 8 }, () =>
          user.request('POST', '/api/me/chat', { body: { message: 'hi' } }),
        ),
      );
      const later = [];
      for (let i = 0; i < 6 && !later.some((r) => r.status === 409); i++) {
        later.push(await user.request('POST', '/api/me/chat', { body: { message: 'hi' } }));
      }
      const listed = await user.request('GET', '/api/me/conversations');
      const kept = listed.body?.conversations?.length ?? -1;
      const refusedConversation = [...burst, ...later].find((r) => r.status === 409);

      const talker = await server.signUp();
      const first = await talker.request('POST', '/api/me/chat', { body: { message: 'hi' } });
      const id = first.body?.conversation_id;
      const turns = [first.status];
      let refusedMessage;
      for (let i = 0; i < 4; i++) {
        const turn = await talker.request('POST', '/api/me/chat', {
          body: { message: 'hi', conversation_id: id },
        });
        turns.push(turn.status);
        if (turn.status === 409) refusedMessage ??= turn;
      }
      const messages = await talker.request('GET', `/api/me/conversations/${id}/messages`);
      const stored = messages.body?.messages?.length ?? -1;

      const statuses = (list) => list.map((r) => r.status).join(',');
      return {
        pass:
          kept === 5 &&
          refusedConversation?.body?.error?.code === 'conversation_limit_reached' &&
          [...burst, ...later].every((r) => [200, 409, 429].includes(r.status)) &&
          turns.join(',') === '200,200,200,409,409' &&
          refusedMessage?.body?.error?.code === 'message_limit_reached' &&
          messages.status === 200 &&
          stored === 6,
        value: `conversations: burst of 8 → ${statuses(burst)}, then ${statuses(later)}; ${kept} kept; "${refusedConversation?.body?.error?.message}". Turns in one conversation: ${turns.join(',')}; ${stored} messages stored and readable; "${refusedMessage?.body?.error?.message}"`,
        figures: { conversations_kept: kept, messages_stored: stored },
      };
    },
  },
  {
    id: 'chat-message-list-size',
    finding: 'no per-user quotas (stored tool results)',
    tried:
      '100 "show my tasks" turns over 50 tasks with 1,500-character descriptions, then the conversation\'s message list (per-user rate limits off to get there)',
    env: { USER_RATE_LIMIT_ENABLED: 'false' },
    async run(server) {
      const user = await server.signUp();
      const description = 'd'.repeat(1_500);
      for (let i = 0; i < 50; i++) {
        await user.request('POST', '/api/me/tasks', { body: { title: `task ${i}`, description } });
      }
      const first = await user.request('POST', '/api/me/chat', {
        body: { message: 'show my tasks' },
      });
      const id = first.body?.conversation_id;
      const statuses = [first.status];
      const turnMs = [first.ms];
      for (let i = 1; i < 100; i++) {
        const turn = await user.request('POST', '/api/me/chat', {
          body: { message: 'show my tasks', conversation_id: id },
        });
        statuses.push(turn.status);
        turnMs.push(turn.ms);
      }
      const list = await user.request('GET', `/api/me/conversations/${id}/messages`);
      const bytes = Buffer.byteLength(JSON.stringify(list.body));
      const stored = list.body?.messages ?? [];
      const results = stored.flatMap((m) => m.tool_calls.map((c) => JSON.stringify(c.result)));
      const perResult = Math.max(...results.map((r) => r.length));
      const turns = latencySummary(turnMs);
      const withDescriptions = results.filter((r) => r.includes(description)).length;
      return {
        pass:
          statuses.every((s) => s === 200) &&
          stored.length === 200 &&
          bytes < 1_500_000 &&
          withDescriptions === 0,
        value: `${stored.length} messages listed: ${kb(bytes)} KB (before the fix 8.8 MB); largest stored list_tasks result ${kb(perResult)} KB, ${withDescriptions} of ${results.length} holding descriptions; turns median ${turns.p50_ms} ms / max ${turns.max_ms} ms`,
        figures: { list_bytes: bytes, largest_result_bytes: perResult, turns },
      };
    },
  },
  {
    id: 'mcp-batch-50-searches',
    finding: 'no per-user quotas (MCP batch work)',
    tried: 'one POST /mcp holding a JSON-RPC batch of 50 list_tasks searches, and one of 10',
    async run(server) {
      const user = await server.signUp();
      for (let i = 0; i < 50; i++) {
        await user.request('POST', '/api/me/tasks', { body: { title: `searchable task ${i}` } });
      }
      const big = await user.request('POST', '/mcp', { headers: mcpHeaders, body: searches(50) });
      const ok = await user.request('POST', '/mcp', { headers: mcpHeaders, body: searches(10) });
      const answers = (String(ok.body).match(/"id":\d+/g) ?? []).length;
      const message = big.body?.error?.message ?? JSON.stringify(big.body).slice(0, 120);
      return {
        pass:
          big.status === 400 &&
          big.body?.error?.code === -32600 &&
          /at most 10 messages; this one has 50/.test(message) &&
          ok.status === 200 &&
          answers === 10,
        value: `batch of 50: ${big.status} in ${Math.round(big.ms)} ms, "${message}" (before the fix: run, 9 s); batch of 10: ${ok.status} with ${answers} answers in ${Math.round(ok.ms)} ms`,
        figures: { batch50_ms: Math.round(big.ms), batch10_ms: Math.round(ok.ms) },
      };
    },
  },
];
