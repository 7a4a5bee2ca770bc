// The optional kagent troubleshooting agent, validated against kagent's own CRDs (read from the
// shared reference folder, never copied here).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crdSchema, kagentCrdDir, validateAgainstCrd } from './helpers/crd-schema.ts';
import { toggles } from './helpers/profiles.ts';
import { find, type K8sObject, one, render } from './helpers/render.ts';

const agentCrd = `${kagentCrdDir}/kagent.dev_agents.yaml`;
const mcpCrd = `${kagentCrdDir}/kagent.dev_remotemcpservers.yaml`;
const minimal = { 'kagent.enabled': true, 'kagent.mcp.authSecretName': 'todo-mcp-token' };

describe('kagent', () => {
  it('the CRDs are present in the shared reference folder', () => {
    expect(existsSync(agentCrd)).toBe(true);
    expect(existsSync(mcpCrd)).toBe(true);
  });

  it('is off by default', async () => {
    expect((await render()).filter((o) => o.apiVersion.startsWith('kagent.dev/'))).toEqual([]);
  });

  it.each([
    ['minimal', minimal],
    ['everything on', toggles.everything],
  ])('Agent and RemoteMCPServer match the served CRD schemas (%s)', async (_name, set) => {
    const objects = await render({ set: set as Record<string, unknown> });
    const agent = one(objects, 'Agent');
    const server = one(objects, 'RemoteMCPServer');
    expect(agent.apiVersion).toBe('kagent.dev/v1alpha2');
    const agentResult = validateAgainstCrd(agent, crdSchema(agentCrd, agent.apiVersion));
    const serverResult = validateAgainstCrd(server, crdSchema(mcpCrd, server.apiVersion));
    expect(agentResult.problems).toEqual([]);
    expect(serverResult.problems).toEqual([]);
    // The CEL rules that apply to what the chart renders, checked by hand.
    expect(agent.spec.type).toBe('Declarative');
    expect(agent.spec.declarative).toBeDefined();
    expect(agent.spec.declarative.systemMessageFrom).toBeUndefined();
    for (const tool of agent.spec.declarative.tools) {
      expect(
        tool.type === 'McpServer' ? tool.mcpServer : tool.agent,
        JSON.stringify(tool),
      ).toBeDefined();
      if (tool.type === 'McpServer') expect(tool.agent).toBeUndefined();
      for (const name of tool.mcpServer?.requireApproval ?? [])
        expect(tool.mcpServer.toolNames).toContain(name);
    }
    for (const header of server.spec.headersFrom)
      expect('value' in header !== 'valueFrom' in header).toBe(true);
    if (server.spec.url.startsWith('http://')) expect(server.spec.tls).toBeUndefined();
    expect(agentResult.celRules.length + serverResult.celRules.length).toBeGreaterThan(0);
  });

  it('offers the app MCP server as a tool source and carries the runbook for this release', async () => {
    const objects = await render({ set: minimal });
    const agent = one(objects, 'Agent');
    const server = one(objects, 'RemoteMCPServer');
    expect(server.spec).toMatchObject({
      protocol: 'STREAMABLE_HTTP',
      url: 'http://todo-todo-chatbot-api.todo.svc:8080/mcp',
      headersFrom: [
        {
          name: 'Authorization',
          valueFrom: { type: 'Secret', name: 'todo-mcp-token', key: 'authorization' },
        },
      ],
    });
    expect(agent.spec.declarative.tools[0]).toEqual({
      type: 'McpServer',
      mcpServer: {
        apiGroup: 'kagent.dev',
        kind: 'RemoteMCPServer',
        name: server.metadata.name,
        toolNames: ['list_tasks'],
      },
    });
    const runbook: string = agent.spec.declarative.systemMessage;
    for (const text of [
      'todo-todo-chatbot-api',
      'todo-todo-chatbot-web',
      '-c migrate',
      '/readyz',
      'PUBLIC_URL',
    ])
      expect(runbook).toContain(text);
  });

  it('a misspelt field in an Agent is caught by the CRD check', async () => {
    const agent = structuredClone(one(await render({ set: minimal }), 'Agent')) as K8sObject;
    agent.spec.declarative.systemMesage = 'typo';
    const { problems } = validateAgainstCrd(agent, crdSchema(agentCrd, agent.apiVersion));
    expect(problems).toEqual(['/spec/declarative: unknown field systemMesage']);
    expect(find([agent], 'Agent')).toHaveLength(1);
  });
});
