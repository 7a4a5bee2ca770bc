// The documentation comments of values.yaml, the one source of the README's values table and of
// values.schema.json:
//   ## @section <title>            starts a group of values in the README table
//   ## @param <path> <description>  documents one value (Bitnami's readme-generator convention)
//   ## @schema <YAML>              JSON Schema keywords for the value of the @param above it, on
//                                  one line, or between two bare `## @schema` lines as YAML lines
//                                  (the block form of dadav/helm-schema's `@schema`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const chartDir = fileURLToPath(new URL('../../deploy/helm/todo-chatbot/', import.meta.url));
export const valuesFile = path.join(chartDir, 'values.yaml');

export type SchemaNode = Record<string, unknown>;

export interface Param {
  path: string;
  description: string;
  section: string;
  /** The keywords of its `@schema` annotation, if it has one. */
  schema?: SchemaNode;
}

const paramLine = /^\s*## @param (\S+) (.+)$/;
const sectionLine = /^\s*## @section (.+)$/;
const schemaLine = /^\s*## @schema(?: (.*))?$/;
const commentLine = /^\s*##(?: (.*))?$/;

/** The documented values, in file order. */
export function params(text = readFileSync(valuesFile, 'utf8')): Param[] {
  const out: Param[] = [];
  let section = '';
  // The @param an annotation may still attach to: only comment lines may stand between them.
  let last: Param | undefined;
  let block: string[] | undefined;
  const annotate = (yaml: string, line: number) => {
    if (!last) throw new Error(`values.yaml:${line}: @schema follows no @param`);
    if (last.schema) throw new Error(`values.yaml:${line}: a second @schema for ${last.path}`);
    const keywords = parse(yaml) as unknown;
    if (keywords === null || typeof keywords !== 'object' || Array.isArray(keywords))
      throw new Error(`values.yaml:${line}: @schema of ${last.path} is not a mapping`);
    last.schema = keywords as SchemaNode;
  };
  for (const [index, line] of text.split('\n').entries()) {
    const schema = schemaLine.exec(line);
    if (block) {
      if (schema && !schema[1]) {
        annotate(block.join('\n'), index + 1);
        block = undefined;
      } else if (commentLine.test(line)) block.push(commentLine.exec(line)?.[1] ?? '');
      else throw new Error(`values.yaml:${index + 1}: unclosed @schema block`);
      continue;
    }
    if (schema) {
      if (schema[1]) annotate(schema[1], index + 1);
      else block = [];
      continue;
    }
    const s = sectionLine.exec(line);
    if (s?.[1]) section = s[1].trim();
    const p = paramLine.exec(line);
    if (p?.[1] && p[2]) {
      last = { path: p[1], description: p[2].trim(), section };
      out.push(last);
    } else if (!commentLine.test(line)) last = undefined;
  }
  if (block) throw new Error('values.yaml: unclosed @schema block at the end');
  return out;
}

export function valueAt(values: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}
