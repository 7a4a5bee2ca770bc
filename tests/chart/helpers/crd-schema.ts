// Validates custom resources against a CRD's structural openAPIV3Schema, rejecting unknown
// fields (what the API server would prune). CEL rules (x-kubernetes-validations) cannot run
// here; they are collected so tests can check the ones that apply.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { K8sObject } from './render.ts';
import { repoRoot } from './tools.ts';

export interface StructuralSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: boolean | StructuralSchema;
  required?: string[];
  items?: StructuralSchema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-validations'?: { rule: string; message?: string }[];
  [other: string]: unknown;
}

/** kagent's CRDs live in the shared reference folder beside the repository, never in it. */
export const kagentCrdDir = path.join(repoRoot, '..', 'shared', 'reference', 'kagent-crds');

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: StructuralSchema } }[];
  };
}

/** The served version's schema of a CRD file, by apiVersion (group/version). */
export function crdSchema(file: string, apiVersion: string): StructuralSchema {
  const crd = parse(readFileSync(file, 'utf8')) as Crd;
  const version = crd.spec.versions.find(
    (v) => `${crd.spec.group}/${v.name}` === apiVersion && v.served,
  );
  if (!version) throw new Error(`${file} serves no ${apiVersion}`);
  return version.schema.openAPIV3Schema;
}

export interface CrdResult {
  problems: string[];
  /** CEL rules met on the way, with the path of the object they apply to. */
  celRules: { at: string; rule: string }[];
}

const metadataFields = new Set(['name', 'namespace', 'labels', 'annotations']);

export function validateAgainstCrd(object: K8sObject, schema: StructuralSchema): CrdResult {
  const result: CrdResult = { problems: [], celRules: [] };
  // ObjectMeta is not part of a CRD's schema; the chart only sets these fields.
  for (const key of Object.keys(object.metadata ?? {}))
    if (!metadataFields.has(key)) result.problems.push(`/metadata/${key}: unexpected field`);
  const { metadata: _metadata, ...rest } = object;
  const rootSchema: StructuralSchema = {
    ...schema,
    properties: { ...schema.properties, metadata: { type: 'object' } },
  };
  check({ ...rest, metadata: {} }, rootSchema, '', result);
  return result;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(value: unknown, schema: StructuralSchema, at: string, result: CrdResult): void {
  const problem = (message: string) => result.problems.push(`${at || '/'}: ${message}`);
  for (const rule of schema['x-kubernetes-validations'] ?? [])
    result.celRules.push({ at: at || '/', rule: rule.rule });
  if (value === null) {
    if (!schema.nullable) problem('null is not allowed');
    return;
  }
  const actual = typeOf(value);
  if (schema['x-kubernetes-int-or-string']) {
    if (actual !== 'integer' && actual !== 'string')
      problem(`expected int or string, got ${actual}`);
    return;
  }
  if (schema.type) {
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) {
      problem(`expected ${schema.type}, got ${actual}`);
      return;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) problem(`${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problem('too short');
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problem('too long');
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      problem(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problem('below minimum');
    if (schema.maximum !== undefined && value > schema.maximum) problem('above maximum');
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problem('too few items');
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problem('too many items');
    if (schema.items)
      value.forEach((item, index) => {
        check(item, schema.items as StructuralSchema, `${at}/${index}`, result);
      });
    return;
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!(key in object)) problem(`missing required field ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const childSchema = schema.properties?.[key];
      if (childSchema) check(child, childSchema, `${at}/${key}`, result);
      else if (typeof schema.additionalProperties === 'object')
        check(child, schema.additionalProperties, `${at}/${key}`, result);
      else if (!schema['x-kubernetes-preserve-unknown-fields'] && !schema.additionalProperties)
        problem(`unknown field ${key}`);
    }
  }
}
