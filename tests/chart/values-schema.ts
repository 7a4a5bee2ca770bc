// values.schema.json, generated from values.yaml: its keys, its defaults' types, the @param
// descriptions and the @schema keywords (values-params.ts). The rules:
// - a mapping without a @param of its own is an object that rejects unknown keys and requires
//   every key it has in values.yaml;
// - a documented value's type is its default's, unless its @schema gives `type`, `$ref` or
//   `oneOf`; so is the `items` type of a non-empty list's items;
// - `$ref: name` points at a definition of values-schema-base.yaml, which also holds the header.
// `node tests/chart/values-doc.ts --write` writes it; values.test.ts checks it is current.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { chartDir, type Param, params, type SchemaNode, valuesFile } from './values-params.ts';

export const schemaFile = path.join(chartDir, 'values.schema.json');
const baseFile = fileURLToPath(new URL('./values-schema-base.yaml', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function typeOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value;
  return undefined;
}

/** Copies a schema fragment with every `$ref: name` made a JSON pointer into the definitions. */
function expandRefs(node: unknown, definitions: SchemaNode, where: string): unknown {
  if (Array.isArray(node)) return node.map((item) => expandRefs(item, definitions, where));
  if (!isObject(node)) return node;
  const out: SchemaNode = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) {
      if (!(child in definitions)) throw new Error(`${where}: no definition named ${child}`);
      out[key] = `#/definitions/${child}`;
    } else out[key] = expandRefs(child, definitions, where);
  }
  return out;
}

function withType(keywords: SchemaNode, value: unknown): SchemaNode {
  const typed = 'type' in keywords || '$ref' in keywords || 'oneOf' in keywords;
  const type = typeOf(value);
  const node: SchemaNode = typed || !type ? { ...keywords } : { type, ...keywords };
  if (isObject(node.items) && Array.isArray(value) && value.length > 0)
    node.items = withType(node.items, value[0]);
  return node;
}

function valueNode(param: Param, value: unknown, definitions: SchemaNode): SchemaNode {
  const keywords = expandRefs(param.schema ?? {}, definitions, param.path) as SchemaNode;
  const { $ref, ...node } = withType(keywords, value);
  // Draft 7 ignores the siblings of a $ref, so a referenced value keeps its description this way.
  if ($ref) return { allOf: [{ $ref }], ...node, description: param.description };
  return { ...node, description: param.description };
}

/** The JSON Schema of values.yaml, as an object. */
export function valuesSchema(text = readFileSync(valuesFile, 'utf8')): SchemaNode {
  const base = parse(readFileSync(baseFile, 'utf8')) as SchemaNode & { definitions: SchemaNode };
  const definitions = expandRefs(base.definitions, base.definitions, 'definitions') as SchemaNode;
  const documented = new Map(params(text).map((p) => [p.path, p]));
  const used = new Set<string>();
  const objectNode = (value: Record<string, unknown>, at: string): SchemaNode => {
    const properties: SchemaNode = {};
    for (const [key, child] of Object.entries(value)) {
      const dotted = at ? `${at}.${key}` : key;
      const param = documented.get(dotted);
      if (param) {
        used.add(dotted);
        properties[key] = valueNode(param, child, definitions);
      } else if (isObject(child)) properties[key] = objectNode(child, dotted);
      else throw new Error(`values.yaml: ${dotted} has no @param`);
    }
    return {
      type: 'object',
      additionalProperties: false,
      properties,
      required: Object.keys(value),
    };
  };
  const root = objectNode(parse(text) as Record<string, unknown>, '');
  const unused = [...documented.keys()].filter((dotted) => !used.has(dotted));
  if (unused.length > 0) throw new Error(`values.yaml: @param of no value: ${unused.join(', ')}`);
  const { definitions: _, ...header } = base;
  return { ...header, ...root, definitions };
}

/** values.schema.json as it should be on disk: formatted by the repository's Biome. */
export function schemaText(text?: string): string {
  const biome = path.join(repoRoot, 'node_modules/@biomejs/biome/bin/biome');
  return execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${schemaFile}`], {
    cwd: repoRoot,
    input: `${JSON.stringify(valuesSchema(text), null, 2)}\n`,
    encoding: 'utf8',
  });
}
