// Real MCP clients against the real server: the MCP Inspector CLI and mcp-remote (the stdio
// bridge Claude Desktop starts), both pinned in the root package.json. Every tool is called with
// valid and invalid arguments; whatever a client reports that is not a clear answer is a finding.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ServerProcess,
  signUpOver,
  startServer,
} from '../../apps/api/test/process/server-process.ts';
import { repoRoot } from '../chart/helpers/tools.ts';
import { unexplained } from './support/tools.ts';
import { type Finding, unusedWaivers } from './waivers.ts';

const toolNames = ['add_task', 'complete_task', 'delete_task', 'list_tasks', 'update_task'];
/** A wait on any client is bounded: a hang is a finding, not a stuck suite. */
const clientTimeoutMs = 30_000;

let server: ServerProcess;
let stateDir: string;
let session: string;
let token: string;
const children = new Set<ChildProcess>();

function binOf(pkg: string, name: string): string {
  const dir = path.join(repoRoot, 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  return path.join(dir, manifest.bin[name] as string);
}

/** Neither client may write to the real home directory, open a browser or start OAuth. */
function clientEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: path.join(stateDir, 'home'),
    MCP_CATALOG_PATH: path.join(stateDir, 'inspector-catalog.json'),
    MCP_CLIENT_CONFIG_PATH: path.join(stateDir, 'inspector-client.json'),
    MCP_REMOTE_CONFIG_DIR: path.join(stateDir, 'mcp-auth'),
    BROWSER: 'none',
  };
}

async function api(method: string, route: string, bearer: string, body?: unknown) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'todo-mcp-clients-'));
  server = await startServer({ DATA_DIR: path.join(stateDir, 'data') });
  session = await signUpOver(server.url, 'mcp-clients@example.com');
  const created = await api('POST', '/api/me/tokens', session, { name: 'MCP Inspector' });
  expect(created.status).toBe(201);
  token = created.body.token;
  expect(token).toMatch(/^todo_/);
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// MCP Inspector CLI

interface ToolResult {
  content?: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

interface InspectorRun {
  code: number | null;
  /** `{result}` on success and on a tool error; absent when the CLI printed no JSON. */
  result?: ToolResult & { tools?: { name: string }[] };
  /** The CLI's error envelope on stderr: `{error: {code, message}}`. */
  error?: { code: string; message: string };
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

const inspectorBin = () => binOf('@modelcontextprotocol/inspector', 'mcp-inspector');

/**
 * `mcp-inspector --cli <url>/mcp --transport http --header 'Authorization: Bearer …'
 * --stored-auth-only --format json --method …`: one process per request, as a CI job runs it.
 */
function inspector(args: string[], bearer: string | null = token): Promise<InspectorRun> {
  const argv = [
    inspectorBin(),
    '--cli',
    `${server.url}/mcp`,
    '--transport',
    'http',
    ...(bearer === null ? [] : ['--header', `Authorization: Bearer ${bearer}`]),
    '--stored-auth-only',
    '--connect-timeout',
    '15000',
    '--format',
    'json',
    ...args,
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      argv,
      { env: clientEnv(), timeout: clientTimeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        children.delete(child);
        const run: InspectorRun = {
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
          timedOut: error?.killed === true,
          ms: Date.now() - started,
        };
        run.result = parseJson(stdout)?.result;
        run.error = parseJson(stderr.trim().split('\n').at(-1) ?? '')?.error;
        resolve(run);
      },
    );
    children.add(child);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the clients print arbitrary JSON
function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const callTool = (name: string, args: Record<string, unknown>, bearer: string | null = token) =>
  inspector(
    ['--method', 'tools/call', '--tool-name', name, '--tool-args-json', JSON.stringify(args)],
    bearer,
  );

const textOf = (result: ToolResult | undefined) =>
  (result?.content ?? []).map((part) => part.text ?? '').join('');

/** What a reader is told when a call fails: the tool error's text or the CLI's error message. */
const errorText = (run: InspectorRun) =>
  run.result?.isError ? textOf(run.result) : (run.error?.message ?? '');

/** Words that tell a person nothing, or name a field the tool does not have. */
const unclear = /\bundefined\b|\bNaN\b|something went wrong|\(body\)|\bdue_at\b|\btz\b/;

interface InvalidCase {
  tool: string;
  args: Record<string, unknown>;
  /** What the error must say, in the tool's own argument names. */
  says: RegExp;
  why: string;
}

describe('mcp-inspector', () => {
  const findings: Finding[] = [];
  const timings: string[] = [];
  const finding = (rule: string, where: string, message: string) =>
    findings.push({ tool: 'mcp-inspector', rule, where, message });

  /** A run that did not end as success (0) or tool error (5) is a crash or a hang. */
  function checkRan(run: InspectorRun, where: string): boolean {
    timings.push(`${run.ms} ms ${where}`);
    if (run.timedOut) finding('hang', where, `no answer within ${clientTimeoutMs} ms`);
    else if (run.code !== 0 && run.code !== 5)
      finding('crash', where, `exit ${run.code}: ${run.stderr.slice(-500)}`);
    else if (!run.result) finding('crash', where, `no JSON result: ${run.stdout.slice(0, 300)}`);
    else return true;
    return false;
  }

  function valid(run: InspectorRun, where: string): Record<string, unknown> | undefined {
    if (!checkRan(run, where)) return undefined;
    if (run.result?.isError) {
      finding('valid-call-failed', where, errorText(run));
      return undefined;
    }
    return run.result?.structuredContent ?? parseJson(textOf(run.result));
  }

  function invalid(run: InspectorRun, c: InvalidCase) {
    const where = `${c.tool} ${JSON.stringify(c.args)} (${c.why})`;
    if (!checkRan(run, where)) return;
    if (!run.result?.isError) {
      finding('invalid-call-accepted', where, textOf(run.result));
      return;
    }
    const text = errorText(run);
    if (!c.says.test(text) || unclear.test(text)) finding('unclear-error', where, text);
  }

  it('lists the tools, calls each with valid and invalid arguments, and refuses bad tokens', async () => {
    // The CLI's default (2025-era initialize handshake) and the 2026 revision (no session).
    for (const era of ['legacy', 'modern']) {
      const where = `tools/list (${era})`;
      const listed = await inspector(['--method', 'tools/list', '--protocol-era', era]);
      if (checkRan(listed, where)) {
        const names = (listed.result?.tools ?? []).map((tool) => tool.name).sort();
        if (JSON.stringify(names) !== JSON.stringify(toolNames))
          finding('tools-list', where, `listed ${names.join(', ')}`);
      }
    }

    // Valid calls, one per tool, each checked against what the next one sees.
    const added = valid(
      await callTool('add_task', {
        title: 'Buy milk',
        priority: 'high',
        tags: ['home'],
        due: '2030-01-02T18:00:00+05:00',
        recurrence: { frequency: 'weekly', weekdays: ['wed'] },
      }),
      'add_task (valid)',
    );
    const id = added?.task_id as number;
    if (added && !(typeof id === 'number' && added.status === 'created'))
      finding('unexpected-result', 'add_task (valid)', JSON.stringify(added));

    const listedTasks = valid(await callTool('list_tasks', { q: 'milk' }), 'list_tasks (valid)');
    const task = (listedTasks?.tasks as Record<string, unknown>[] | undefined)?.find(
      (t) => t.id === id,
    );
    if (listedTasks && !(task?.title === 'Buy milk' && task.due_at === '2030-01-02T13:00:00.000Z'))
      finding('unexpected-result', 'list_tasks (valid)', JSON.stringify(listedTasks));

    const updated = valid(
      await callTool('update_task', { task_id: id, title: 'Buy oat milk', priority: 'low' }),
      'update_task (valid)',
    );
    if (updated && !(updated.status === 'updated' && updated.title === 'Buy oat milk'))
      finding('unexpected-result', 'update_task (valid)', JSON.stringify(updated));

    const completed = valid(
      await callTool('complete_task', { task_id: id }),
      'complete_task (valid)',
    );
    const nextId = completed?.next_task_id as number;
    if (completed && !(completed.status === 'completed' && typeof nextId === 'number'))
      finding('unexpected-result', 'complete_task (valid)', JSON.stringify(completed));

    const deleted = valid(
      await callTool('delete_task', { task_id: nextId }),
      'delete_task (valid)',
    );
    if (deleted && !(deleted.status === 'deleted' && deleted.task_id === nextId))
      finding('unexpected-result', 'delete_task (valid)', JSON.stringify(deleted));

    const after = valid(await callTool('list_tasks', { status: 'all' }), 'list_tasks (after)');
    const ids = ((after?.tasks ?? []) as { id: number; completed: boolean }[]).map((t) => t.id);
    if (after && !(ids.includes(id) && !ids.includes(nextId)))
      finding('unexpected-result', 'list_tasks (after)', JSON.stringify(after));

    // Invalid calls: wrong type, missing, out of range, unknown id, someone else's user_id.
    const missing = 987_654;
    const cases: InvalidCase[] = [
      { tool: 'add_task', args: {}, says: /title.*required/, why: 'missing title' },
      { tool: 'add_task', args: { title: 42 }, says: /title/, why: 'wrong type' },
      { tool: 'add_task', args: { title: '' }, says: /title: must not be empty/, why: 'empty' },
      { tool: 'add_task', args: { title: 'x'.repeat(201) }, says: /title/, why: 'too long' },
      { tool: 'add_task', args: { title: 'x', priority: 'urgent' }, says: /priority/, why: 'enum' },
      { tool: 'add_task', args: { title: 'x', tags: 'home' }, says: /tags/, why: 'not a list' },
      { tool: 'add_task', args: { title: 'x', tags: ['a b'] }, says: /tags/, why: 'bad tag' },
      { tool: 'add_task', args: { title: 'x', due: 'tomorrow' }, says: /due:/, why: 'not ISO' },
      {
        tool: 'add_task',
        args: { title: 'x', recurrence: { frequency: 'every_n_days' } },
        says: /recurrence\.interval/,
        why: 'interval missing',
      },
      {
        tool: 'add_task',
        args: { title: 'x', user_id: 'someone-else' },
        says: /user_id does not match/,
        why: 'spoofed user',
      },
      { tool: 'list_tasks', args: { status: 'done' }, says: /status/, why: 'enum' },
      { tool: 'list_tasks', args: { limit: 0 }, says: /limit/, why: 'out of range' },
      { tool: 'list_tasks', args: { limit: 1000 }, says: /limit/, why: 'out of range' },
      { tool: 'list_tasks', args: { limit: true }, says: /limit/, why: 'wrong type' },
      { tool: 'list_tasks', args: { timezone: 'Mars/Base' }, says: /timezone/, why: 'zone' },
      { tool: 'list_tasks', args: { due: 'someday' }, says: /due/, why: 'enum' },
      { tool: 'complete_task', args: {}, says: /task_id.*required/, why: 'missing id' },
      { tool: 'complete_task', args: { task_id: -1 }, says: /task_id/, why: 'negative' },
      { tool: 'complete_task', args: { task_id: missing }, says: /not found/, why: 'unknown id' },
      { tool: 'delete_task', args: { task_id: 1.5 }, says: /task_id/, why: 'not whole' },
      { tool: 'delete_task', args: { task_id: true }, says: /task_id/, why: 'wrong type' },
      { tool: 'delete_task', args: { task_id: missing }, says: /not found/, why: 'unknown id' },
      { tool: 'update_task', args: { title: 'x' }, says: /task_id.*required/, why: 'missing id' },
      { tool: 'update_task', args: { task_id: id }, says: /change/, why: 'nothing to change' },
      { tool: 'update_task', args: { task_id: id, title: '' }, says: /title/, why: 'empty' },
      { tool: 'update_task', args: { task_id: id, due: 'soon' }, says: /due:/, why: 'not ISO' },
      {
        tool: 'update_task',
        args: { task_id: id, recurrence: { frequency: 'yearly' } },
        says: /recurrence\.frequency/,
        why: 'enum',
      },
      {
        tool: 'update_task',
        args: { task_id: id, completed: 'yes' },
        says: /completed/,
        why: 'type',
      },
      {
        tool: 'update_task',
        args: { task_id: missing, title: 'x' },
        says: /not found/,
        why: 'unknown id',
      },
    ];
    for (let i = 0; i < cases.length; i += 6) {
      const batch = cases.slice(i, i + 6);
      const runs = await Promise.all(batch.map((c) => callTool(c.tool, c.args)));
      for (const [j, run] of runs.entries()) invalid(run, batch[j] as InvalidCase);
    }
    for (const name of toolNames) {
      if (!cases.some((c) => c.tool === name)) finding('untested', name, 'no invalid call');
    }

    // Refused without a token, with garbage, and with a revoked token; never OAuth, never a hang.
    const spare = await api('POST', '/api/me/tokens', session, { name: 'to revoke' });
    const revoked = await api('DELETE', `/api/me/tokens/${spare.body.id}`, session);
    expect(revoked.status).toBe(200);
    for (const [why, bearer] of [
      ['no token', null],
      ['garbage token', 'todo_not-a-real-token'],
      ['revoked token', spare.body.token as string],
    ] as const) {
      const run = await inspector(['--method', 'tools/list'], bearer);
      timings.push(`${run.ms} ms tools/list (${why})`);
      if (run.timedOut) finding('hang', why, 'no answer');
      else if (run.code === 0 || run.result) finding('auth-not-refused', why, run.stdout);
      else if (
        run.error?.code !== 'auth_required' ||
        !/401|unauthorized|sign in/i.test(run.error.message)
      )
        finding('unclear-refusal', why, run.stderr.slice(-500));
    }
    // The REST side agrees: the revoked token is refused there too.
    const refused = await api('GET', '/api/me/tasks', spare.body.token);
    if (refused.status !== 401)
      finding('auth-not-refused', 'revoked token, REST', String(refused.status));

    console.info(`mcp-inspector timings:\n  ${timings.join('\n  ')}`);
    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers('mcp-inspector', findings)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// mcp-remote over stdio

interface JsonRpcMessage {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  // biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON-RPC payloads
  result?: any;
  error?: { code: number; message: string };
}

describe('mcp-remote', () => {
  it('bridges stdio to /mcp with the token header: initialize, tools/list, tools/call', async () => {
    const findings: Finding[] = [];
    const finding = (rule: string, where: string, message: string) =>
      findings.push({ tool: 'mcp-remote', rule, where, message });
    // The arguments docs/mcp.md gives Claude Desktop, with the header value from the environment,
    // plus --transport http-only so a failure cannot hide behind an SSE fallback.
    const args = [
      binOf('mcp-remote', 'mcp-remote'),
      `${server.url}/mcp`,
      '--header',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote expands it, as docs/mcp.md says
      'Authorization:${TODO_AUTH}',
      '--transport',
      'http-only',
    ];
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      env: { ...clientEnv(), TODO_AUTH: `Bearer ${token}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const waiting = new Map<number, (message: JsonRpcMessage) => void>();
    const stray: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = parseJson(line) as JsonRpcMessage | undefined;
      const resolve = message?.id === undefined ? undefined : waiting.get(message.id);
      if (resolve && message?.id !== undefined) {
        waiting.delete(message.id);
        resolve(message);
      } else if (!message || message.method === undefined) stray.push(line);
    });
    let nextId = 1;
    const request = (method: string, params?: unknown) => {
      const id = nextId++;
      const answer = new Promise<JsonRpcMessage | undefined>((resolve) => {
        waiting.set(id, resolve);
        setTimeout(() => {
          if (waiting.delete(id)) resolve(undefined);
        }, clientTimeoutMs);
      });
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
      return answer.then((message) => {
        if (!message) finding('hang', method, `no answer within ${clientTimeoutMs} ms`);
        return message;
      });
    };

    const initParams = {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'todo-chatbot-quality', version: '1.0.0' },
    };
    const init = await request('initialize', initParams);
    if (init && init.result?.serverInfo?.name !== 'todo-chatbot')
      finding('initialize', 'initialize', JSON.stringify(init));
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`,
    );

    const list = await request('tools/list');
    const names = ((list?.result?.tools ?? []) as { name: string }[]).map((t) => t.name).sort();
    if (list && JSON.stringify(names) !== JSON.stringify(toolNames))
      finding('tools-list', 'tools/list', JSON.stringify(list.error ?? names));

    const add = await request('tools/call', {
      name: 'add_task',
      arguments: { title: 'Through mcp-remote' },
    });
    if (add && !(add.result?.structuredContent?.status === 'created' && !add.result.isError))
      finding('valid-call-failed', 'add_task (valid)', JSON.stringify(add));
    const rest = await api(
      'GET',
      `/api/me/tasks/${add?.result?.structuredContent?.task_id}`,
      token,
    );
    if (rest.body?.title !== 'Through mcp-remote')
      finding('unexpected-result', 'add_task seen over REST', JSON.stringify(rest.body));

    const bad = await request('tools/call', { name: 'add_task', arguments: { title: 7 } });
    if (bad && !(bad.result?.isError && /title/.test(textOf(bad.result))))
      finding('unclear-error', 'add_task {"title":7}', JSON.stringify(bad));
    const unknownTool = await request('tools/call', { name: 'no_such_tool', arguments: {} });
    const unknownText = unknownTool?.error?.message ?? textOf(unknownTool?.result);
    if (unknownTool && !/no_such_tool/.test(unknownText))
      finding('unclear-error', 'tools/call no_such_tool', JSON.stringify(unknownTool));
    const unknownMethod = await request('no/such/method');
    if (unknownMethod && unknownMethod.error?.code !== -32601)
      finding('protocol', 'no/such/method', JSON.stringify(unknownMethod));

    // Claude Desktop ends the bridge by closing its stdin; it must exit on its own.
    child.stdin.end();
    const end = await Promise.race([
      exited,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000)),
    ]);
    if (!end) finding('hang', 'stdin closed', 'still running 10 s after stdin closed');
    else if (end.code !== 0) finding('crash', 'exit', `exit ${end.code} ${end.signal}`);
    if (stray.length > 0) finding('protocol', 'stdout', `not JSON-RPC: ${stray.join(' | ')}`);
    if (/OAuth.*(required|authoriz)|browser|Error/i.test(stderr.replace(/Discovering OAuth/g, '')))
      finding('stderr', 'stderr', stderr.slice(-800));
    console.info(`mcp-remote: ${Date.now() - started} ms from spawn to exit`);

    // A wrong token: the server answers 401, mcp-remote tries OAuth (this server has none), then
    // must give up on its own with an error on stderr, not hang or answer as if connected.
    const refusedStart = Date.now();
    const refused = spawn(process.execPath, [...args, '--auth-timeout', '10'], {
      env: { ...clientEnv(), TODO_AUTH: 'Bearer todo_not-a-real-token' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(refused);
    let refusedOut = '';
    let refusedErr = '';
    refused.stdout.on('data', (chunk) => (refusedOut += chunk));
    refused.stderr.on('data', (chunk) => (refusedErr += chunk));
    const refusedExit = new Promise<number | null>((resolve) =>
      refused.once('exit', (code) => resolve(code)),
    );
    refused.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: initParams })}\n`,
    );
    const refusedCode = await Promise.race([
      refusedExit,
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 20_000)),
    ]);
    if (refusedCode === 'running') finding('hang', 'wrong token', 'still running after 20 s');
    else if (refusedCode === 0 || /"result"/.test(refusedOut))
      finding('auth-not-refused', 'wrong token', refusedOut);
    else if (!/401|unauthori[sz]ed|Registration|OAuth/i.test(refusedErr))
      finding('unclear-refusal', 'wrong token', refusedErr.slice(-800));
    console.info(
      `mcp-remote with a wrong token: exit ${refusedCode} in ${Date.now() - refusedStart} ms`,
    );

    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers('mcp-remote', findings)).toEqual([]);
  });
});
