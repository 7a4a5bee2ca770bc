// Checks docs/deployment.md and docs/ai-operations.md against what they describe: the kagent
// objects and the chart values they show validate against kagent's CRDs (rendered by the real
// chart), every `--set` names a real chart value, the AI tools are called only with flags their
// own documentation lists, and every script, file and up.sh setting they mention exists.
// Run by tests/minikube/run.sh: `node tests/minikube/check-docs.ts` (Node 24).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { crdSchema, kagentCrdDir, validateAgainstCrd } from '../chart/helpers/crd-schema.ts';
import { type K8sObject, parseManifests } from '../chart/helpers/render.ts';
import { chartDir, ensureTools, helm, repoRoot } from '../chart/helpers/tools.ts';

const docs = ['docs/deployment.md', 'docs/ai-operations.md'];
const text = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

let failures = 0;
function check(name: string, problems: string[]): void {
  if (problems.length === 0) {
    console.log(`ok - ${name}`);
  } else {
    failures += 1;
    console.log(`not ok - ${name}`);
    for (const problem of problems) console.log(`    ${problem}`);
  }
}

// ---- what the Markdown holds --------------------------------------------------------------------
interface Block {
  lang: string;
  body: string;
  marker?: string;
}
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /(?:<!-- check: ([\w-]+) -->\n)?```(\w*)\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(pattern))
    blocks.push({ marker: match[1], lang: match[2] ?? '', body: match[3] ?? '' });
  return blocks;
}
function inlineCode(markdown: string): string[] {
  const withoutBlocks = markdown.replace(/```[\s\S]*?```/g, '');
  return [...withoutBlocks.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
}
/** Shell command lines of the sh blocks (continuations joined) and inline code. */
function commandLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of codeBlocks(markdown).filter((b) => b.lang === 'sh'))
    lines.push(...block.body.replace(/\\\n\s*/g, ' ').split('\n'));
  lines.push(...inlineCode(markdown));
  return lines.map((line) => line.trim()).filter(Boolean);
}
function heredocs(body: string): string[] {
  return [...body.matchAll(/<<'?EOF'?\n([\s\S]*?)\nEOF/g)].map((m) => m[1] ?? '');
}

// ---- kagent objects against the CRDs --------------------------------------------------------------
const crdFiles: Record<string, string> = {
  Agent: 'kagent.dev_agents.yaml',
  ModelConfig: 'kagent.dev_modelconfigs.yaml',
  RemoteMCPServer: 'kagent.dev_remotemcpservers.yaml',
};
function validateKagent(object: K8sObject): string[] {
  const file = crdFiles[object.kind];
  if (!file) return [`${object.kind}: no CRD in the reference folder`];
  const result = validateAgainstCrd(
    object,
    crdSchema(path.join(kagentCrdDir, file), object.apiVersion),
  );
  const problems = result.problems.map((p) => `${object.kind} ${object.metadata.name}: ${p}`);
  // The CEL rules that apply to what the guide shows, by hand.
  const spec = object.spec ?? {};
  if (object.kind === 'ModelConfig') {
    if ('apiKeySecret' in spec !== 'apiKeySecretKey' in spec)
      problems.push('ModelConfig: apiKeySecret and apiKeySecretKey go together');
    const blocks: [string, string][] = [
      ['openAI', 'OpenAI'],
      ['anthropic', 'Anthropic'],
      ['ollama', 'Ollama'],
      ['gemini', 'Gemini'],
    ];
    for (const [block, provider] of blocks)
      if (block in spec && (spec.provider ?? 'OpenAI') !== provider)
        problems.push(`ModelConfig: ${block} needs provider ${provider}`);
  }
  if (object.kind === 'Agent') {
    if (spec.type !== 'Declarative' || !spec.declarative) problems.push('Agent: not Declarative');
    for (const tool of spec.declarative?.tools ?? []) {
      if ((tool.type === 'McpServer') !== Boolean(tool.mcpServer))
        problems.push(`Agent tool ${JSON.stringify(tool)}: type and mcpServer disagree`);
      for (const name of tool.mcpServer?.requireApproval ?? [])
        if (!tool.mcpServer.toolNames?.includes(name))
          problems.push(`Agent tool: requireApproval ${name} is not in toolNames`);
    }
  }
  if (object.kind === 'RemoteMCPServer')
    for (const header of spec.headersFrom ?? [])
      if ('value' in header === 'valueFrom' in header)
        problems.push('RemoteMCPServer: each header needs exactly one of value and valueFrom');
  return problems;
}

async function checkKagent(): Promise<void> {
  const guide = text('docs/ai-operations.md');
  const blocks = codeBlocks(guide);

  const objectBlocks = blocks.filter((b) => b.marker === 'kagent-objects');
  const objectProblems: string[] = [];
  let objects = 0;
  for (const block of objectBlocks)
    for (const doc of heredocs(block.body))
      for (const parsed of parseAllDocuments(doc)) {
        const object = parsed.toJS() as K8sObject;
        if (!object?.apiVersion?.startsWith('kagent.dev/')) continue;
        objects += 1;
        objectProblems.push(...validateKagent(object));
      }
  if (objects === 0)
    objectProblems.push('no kagent object found after <!-- check: kagent-objects -->');
  check(`the kagent objects in ai-operations.md match kagent's CRDs (${objects})`, objectProblems);

  ensureTools();
  const valueBlocks = blocks.filter((b) => b.marker === 'kagent-values');
  const work = mkdtempSync(path.join(tmpdir(), 'check-docs-'));
  try {
    for (const [index, block] of valueBlocks.entries()) {
      const problems: string[] = [];
      const file = path.join(work, `values-${index}.yaml`);
      writeFileSync(file, block.body);
      const result = await helm('helm4', [
        'template',
        'todo-chatbot',
        chartDir,
        '--namespace',
        'todo-chatbot',
        '--values',
        path.join(chartDir, 'values-local.yaml'),
        '--values',
        file,
      ]);
      if (result.code !== 0) {
        check(`kagent values block ${index + 1} renders`, [result.stderr.trim()]);
        continue;
      }
      const rendered = parseManifests(result.stdout).filter((o) =>
        o.apiVersion.startsWith('kagent.dev/'),
      );
      const kinds = rendered.map((o) => `${o.kind}/${o.metadata.name}`).sort();
      if (kinds.join() !== 'Agent/todo-chatbot-agent,RemoteMCPServer/todo-chatbot-mcp')
        problems.push(`rendered ${kinds.join(', ') || 'no kagent objects'}`);
      for (const object of rendered) problems.push(...validateKagent(object));
      const server = rendered.find((o) => o.kind === 'RemoteMCPServer');
      if (server && !guide.includes(server.spec.url))
        problems.push(`the guide does not name the server's URL ${server.spec.url}`);
      check(
        `kagent values block ${index + 1} renders an Agent and a RemoteMCPServer that match the CRDs`,
        problems,
      );
    }
    if (valueBlocks.length === 0)
      check('kagent values blocks', ['none found after <!-- check: kagent-values -->']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- flags of the AI tools ------------------------------------------------------------------------
// From each tool's own documentation:
// kubectl-ai: README (github.com/GoogleCloudPlatform/kubectl-ai), configuration options and examples.
// kagent 0.x: kagent.dev/docs/kagent/0.x/resources/cli (install, invoke, dashboard; global flags).
// Gordon: docs.docker.com/ai/gordon/how-to/cli (docker ai [prompt], -C/--working-dir, version, feedback).
const allowed: { prefix: RegExp; subcommands?: string[]; flags: string[] }[] = [
  {
    prefix: /^(kubectl-ai|kubectl ai)(\s|$)/,
    flags: [
      '--llm-provider',
      '--model',
      '--quiet',
      '--mcp-client',
      '--mcp-server',
      '--external-tools',
      '--skip-permissions',
      '--enable-tool-use-shim',
      '--kubeconfig',
      '--custom-tools-config',
      '--max-iterations',
    ],
  },
  {
    prefix: /^kagent\s/,
    subcommands: ['install', 'invoke', 'dashboard', 'uninstall', 'version'],
    flags: [
      '--profile',
      '--agent',
      '-a',
      '--task',
      '-t',
      '--file',
      '-f',
      '--session',
      '-s',
      '--stream',
      '-S',
      '--token',
      '--namespace',
      '-n',
      '--kagent-url',
      '--timeout',
      '--output-format',
      '-o',
      '--verbose',
      '-v',
      '--config',
    ],
  },
  {
    prefix: /^docker ai(\s|$)/,
    subcommands: ['version', 'feedback'],
    flags: ['-C', '--working-dir'],
  },
];
function checkFlags(): void {
  const problems: string[] = [];
  let commands = 0;
  for (const doc of docs)
    for (const line of commandLines(text(doc))) {
      const tool = allowed.find((t) => t.prefix.test(line));
      if (!tool) continue;
      commands += 1;
      const bare =
        line
          .replace(/"[^"]*"/g, ' PROMPT ')
          .replace(/'[^']*'/g, ' PROMPT ')
          .replace(/\s#.*$/, '')
          .split(/\s*(?:\||&&|;)\s*/)[0] ?? '';
      const words = bare.split(/\s+/).filter(Boolean);
      const start = words[0] === 'kubectl' || words[0] === 'docker' ? 2 : 1;
      const first = words[start];
      if (
        tool.subcommands &&
        first &&
        !first.startsWith('-') &&
        first !== 'PROMPT' &&
        !tool.subcommands.includes(first)
      )
        problems.push(`${doc}: unknown subcommand "${first}" in: ${line}`);
      for (const word of words.slice(start))
        if (word.startsWith('-') && !tool.flags.includes(word.split('=')[0] ?? word))
          problems.push(`${doc}: flag ${word} is not in the tool's documentation: ${line}`);
    }
  if (commands < 10) problems.push(`only ${commands} AI tool commands found`);
  check(
    `kubectl-ai, kagent and docker ai use only documented subcommands and flags (${commands} commands)`,
    problems,
  );
}

// ---- chart values and files -----------------------------------------------------------------------
function checkSetKeys(): void {
  const values = parse(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8'));
  const problems: string[] = [];
  let keys = 0;
  for (const doc of docs)
    for (const line of commandLines(text(doc)))
      for (const match of line.matchAll(/--set(?:-string|-json)?[ =]([\w.[\]-]+)=/g)) {
        keys += 1;
        let node: unknown = values;
        for (const part of (match[1] ?? '').split('.')) {
          const name = part.replace(/\[\d+\]$/, '');
          if (node === null || typeof node !== 'object' || Array.isArray(node)) break;
          const record = node as Record<string, unknown>;
          if (Object.keys(record).length === 0) break; // a free-form map (annotations, labels…)
          if (!(name in record)) {
            problems.push(`${doc}: --set ${match[1]}: no value "${name}" in values.yaml`);
            break;
          }
          node = record[name];
          if (part !== name) break; // into a list
        }
      }
  // Values named in the guides' tables, written `a.b.c`.
  for (const doc of docs)
    for (const code of inlineCode(text(doc))) {
      const key = code.match(
        /^((?:api|web|config|postgresql|ingress|httpRoute|networkPolicy|kagent|secrets|externalDatabase|migrations)\.[\w.]+)$/,
      )?.[1];
      if (!key) continue;
      keys += 1;
      let node: unknown = values;
      for (const part of key.split('.')) {
        if (node === null || typeof node !== 'object') break;
        const record = node as Record<string, unknown>;
        if (!(part in record)) {
          problems.push(`${doc}: \`${key}\` is not a value of the chart`);
          break;
        }
        node = record[part];
      }
    }
  check(`every chart value the guides name exists in values.yaml (${keys})`, problems);
}

function checkFiles(): void {
  const problems: string[] = [];
  for (const doc of docs)
    for (const match of text(doc).matchAll(
      /(?:^|[\s`(])((?:deploy|docs|tests)\/[\w./-]+\.(?:sh|md|yaml|ts))/gm,
    )) {
      const file = match[1] ?? '';
      if (!existsSync(path.join(repoRoot, file))) problems.push(`${doc}: ${file} does not exist`);
    }
  // Every up.sh setting in the deployment guide's table is read by up.sh.
  const up = text('deploy/minikube/up.sh') + text('deploy/minikube/lib.sh');
  const table = text('docs/deployment.md').split('`up.sh` settings')[1]?.split('\n## ')[0] ?? '';
  const names = [...table.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)*/gm)].flatMap((m) =>
    [...(m[0] ?? '').matchAll(/`([A-Z_]+)`/g)].map((n) => n[1] ?? ''),
  );
  if (names.length < 10) problems.push(`only ${names.length} settings found in the up.sh table`);
  for (const name of names) if (!up.includes(name)) problems.push(`up.sh does not read ${name}`);
  check(
    `the files, scripts and up.sh settings the guides mention exist (${names.length} settings)`,
    problems,
  );
}

checkFlags();
checkSetKeys();
checkFiles();
await checkKagent();
process.exit(failures === 0 ? 0 : 1);
