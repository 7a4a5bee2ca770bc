// values.yaml, values.schema.json, the README's values table and the templates agree: every key
// is documented, typed, read by a template, and every value a template reads has a default.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toggles } from './helpers/profiles.ts';
import {
  effectiveValues,
  parseManifests,
  type RenderOptions,
  renderRaw,
} from './helpers/render.ts';
import { chartDir, helmVersions, repoRoot } from './helpers/tools.ts';
import { readmeFile, readmeWithTable } from './values-doc.ts';
import { params, valueAt } from './values-params.ts';
import { schemaFile, schemaText, valuesSchema } from './values-schema.ts';

type Json = Record<string, unknown>;
const values = parse(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as Json;
const schema = JSON.parse(readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8')) as Json;
const documented = params();
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

describe('values.schema.json', () => {
  it.each(helmVersions)(
    'rejects misspelt keys at every level and wrong types (%s)',
    async (helm) => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ingres: { enabled: true } }, /ingres/],
        [{ 'api.replicaCuont': 2 }, /replicaCuont/],
        [{ 'api.image.tga': '1.0' }, /tga/],
        [{ 'postgresql.persistence.sise': '2Gi' }, /sise/],
        [{ 'api.containerSecurityContext.runAsUsr': 1000 }, /runAsUsr/],
        [{ 'api.resources.limits.memroy': '1Gi' }, /memroy/],
        [{ 'networkPolicy.dns.podSelector.matchLabel': {} }, /matchLabel/],
        [{ 'api.replicaCount': 'two' }, /replicaCount/],
        [{ 'ingress.enabled': 'yes' }, /ingress/],
        [{ 'config.llm.provider': 'anthropic' }, /provider/],
        [{ 'config.databasePoolMax': 0 }, /databasePoolMax/],
        [{ 'secrets.betterAuthSecret': 'too-short' }, /betterAuthSecret/],
        [{ 'migrations.mode': 'job' }, /mode/],
      ];
      for (const [set, message] of cases) {
        const result = await renderRaw({ helm, set });
        expect(result.code, JSON.stringify(set)).not.toBe(0);
        expect(result.stderr, JSON.stringify(set)).toMatch(/schema/);
        expect(result.stderr, JSON.stringify(set)).toMatch(message);
      }
    },
  );

  it('every object rejects unknown keys; only Kubernetes pass-through objects are open', () => {
    // These hold Kubernetes structures (affinity terms, HPA policies, volume sources, env
    // sources, kagent tool entries); the rendered objects are validated against the
    // Kubernetes or CRD schema instead, which rejects unknown fields there.
    const passThrough = new Set([
      'affinity.nodeAffinity',
      'affinity.podAffinity',
      'affinity.podAntiAffinity',
      'hpaBehavior.scaleUp',
      'hpaBehavior.scaleDown',
      'volume',
      'envVar.valueFrom',
      'kagent.extraTools[]',
    ]);
    const open: string[] = [];
    const walk = (node: Json, at: string) => {
      if (typeof node.$ref === 'string') return;
      for (const key of ['allOf', 'anyOf', 'oneOf'])
        for (const part of (node[key] as Json[] | undefined) ?? []) walk(part, at);
      if (node.type === 'object' || node.properties) {
        if (node.additionalProperties === undefined || node.additionalProperties === true)
          if (!passThrough.has(at)) open.push(at);
        for (const [key, child] of Object.entries((node.properties as Json) ?? {}))
          walk(child as Json, at ? `${at}.${key}` : key);
        if (isObject(node.additionalProperties)) walk(node.additionalProperties, `${at}.*`);
      }
      if (isObject(node.items)) walk(node.items, `${at}[]`);
    };
    walk(schema, '');
    for (const [name, definition] of Object.entries(schema.definitions as Json))
      walk(definition as Json, name);
    expect(open).toEqual([]);
  });

  it('is generated from the @param and @schema comments of values.yaml and up to date', () => {
    expect(readFileSync(schemaFile, 'utf8'), 'run `node tests/chart/values-doc.ts --write`').toBe(
      schemaText(),
    );
  });

  it('types come from the defaults and keywords from @schema; misplaced comments are refused', () => {
    const text = [
      '## @section S',
      'group:',
      '  ## @param group.count A count.',
      '  ## @schema {minimum: 1}',
      '  count: 2',
      '  ## @param group.size A size.',
      '  ## @schema {oneOf: [{type: integer}, {type: string}]}',
      '  size: 1',
      '  ## @param group.labels Labels.',
      '  ## @schema {$ref: stringMap}',
      '  labels: {}',
      '  ## @param group.ports Ports.',
      '  ## @schema',
      '  ## minItems: 1',
      '  ## items: {maximum: 65535}',
      '  ## @schema',
      '  ports: [443]',
    ].join('\n');
    const group = (valuesSchema(text).properties as Json).group as Json;
    expect(group).toMatchObject({
      additionalProperties: false,
      required: ['count', 'size', 'labels', 'ports'],
    });
    expect(group.properties).toEqual({
      count: { type: 'integer', minimum: 1, description: 'A count.' },
      size: { oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'A size.' },
      labels: { allOf: [{ $ref: '#/definitions/stringMap' }], description: 'Labels.' },
      ports: {
        type: 'array',
        minItems: 1,
        items: { type: 'integer', maximum: 65535 },
        description: 'Ports.',
      },
    });
    expect(() => valuesSchema('a: 1\n')).toThrow(/a has no @param/);
    expect(() => valuesSchema('## @param a A.\n## @schema {$ref: nothing}\na: {}\n')).toThrow(
      /no definition named nothing/,
    );
    expect(() => valuesSchema('a: 1\n## @schema {minimum: 1}\n')).toThrow(/follows no @param/);
    expect(() => valuesSchema('## @param a A.\n## @param b B.\na: 1\n')).toThrow(
      /@param of no value: b/,
    );
  });
});

describe('values.yaml documentation', () => {
  it("the API's default resources are the ones docs/performance.md derives from measurements", () => {
    const performance = readFileSync(path.join(repoRoot, 'docs/performance.md'), 'utf8');
    const section = performance.split('\n## Recommended resources')[1] ?? '';
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block, 'a yaml block under "Recommended resources"').toBeDefined();
    const recommended = (parse(block ?? '') as { api: { resources: unknown } }).api.resources;
    expect((values.api as Json).resources).toEqual(recommended);
  });

  it('every value has a @param comment, and every @param names a real value', () => {
    const names = new Set(documented.map((p) => p.path));
    expect(names.size).toBe(documented.length);
    for (const param of documented)
      expect(valueAt(values, param.path), param.path).not.toBeUndefined();
    const undocumented: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (at && names.has(at)) return;
      if (isObject(value) && Object.keys(value).length > 0) {
        for (const [key, child] of Object.entries(value)) walk(child, at ? `${at}.${key}` : key);
      } else undocumented.push(at);
    };
    walk(values, '');
    expect(undocumented).toEqual([]);
  });

  it('the README values table is generated from values.yaml and up to date', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    expect(readme, 'run `node tests/chart/values-doc.ts --write`').toBe(readmeWithTable(readme));
  });

  it('secrets have no defaults in values files', () => {
    for (const file of ['values.yaml', 'values-local.yaml', 'values-production.yaml']) {
      const v = parse(readFileSync(path.join(chartDir, file), 'utf8')) as Json;
      for (const key of [
        'secrets.betterAuthSecret',
        'secrets.openaiApiKey',
        'postgresql.auth.password',
        'externalDatabase.url',
      ])
        expect(valueAt(v, key) ?? '', `${file} ${key}`).toBe('');
    }
  });
});

describe('templates and values', () => {
  const templateDir = path.join(chartDir, 'templates');
  const templateFiles = readdirSync(templateDir, { recursive: true })
    .map(String)
    .filter((f) => /\.(ya?ml|tpl|txt)$/.test(f));
  const chunks = templateFiles.flatMap((file) =>
    readFileSync(path.join(templateDir, file), 'utf8')
      .split(/(?=\{\{-? define )/)
      .map((text) => ({ file, text })),
  );

  it('every value a template reads has a default in values.yaml', () => {
    expect(
      chunks.some((c) => /index \$?\.Values/.test(c.text)),
      'no dynamic .Values lookups',
    ).toBe(false);
    const missing: string[] = [];
    let reads = 0;
    const exists = (dotted: string) => valueAt(values, dotted) !== undefined;
    for (const { file, text } of chunks) {
      // Variables bound to a part of .Values: `$c := .Values.api`, `$t := $root.Values.tests`.
      const bindings = new Map<string, string[]>();
      for (const m of text.matchAll(
        /\$(\w+) :?= (?:\$|\$root|\.root)?\.Values((?:\.\w+)*)\s*-?\}\}/g,
      ))
        bindings.set(m[1] as string, [(m[2] as string).slice(1)]);
      for (const m of text.matchAll(/\$(\w+) := ternary \$\.Values\.(\w+) \$\.Values\.(\w+)/g))
        bindings.set(m[1] as string, [m[2] as string, m[3] as string]);
      // Shared helpers receive one component's values (api or web) as `.values`.
      if (/\$c := \.values/.test(text)) bindings.set('c', ['api', 'web']);
      for (const m of text.matchAll(/(?:\$|\$root|\.root)?\.Values((?:\.\w+)+)/g)) {
        reads++;
        const dotted = (m[1] as string).slice(1);
        if (!exists(dotted)) missing.push(`${file}: .Values.${dotted}`);
      }
      for (const [name, prefixes] of bindings)
        for (const m of text.matchAll(new RegExp(`\\$${name}((?:\\.\\w+)+)`, 'g')))
          for (const prefix of prefixes) {
            reads++;
            const dotted = [prefix, (m[1] as string).slice(1)].filter(Boolean).join('.');
            if (!exists(dotted)) missing.push(`${file}: $${name}${m[1]} (${dotted})`);
          }
    }
    expect(reads).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('every documented value is read by a template: changing it changes the rendered output', async () => {
    // Each value is changed in turn on top of profiles that between them switch on every
    // branch; a value whose change alters nothing (checksums aside) is dead.
    const bases: RenderOptions[] = [
      { set: toggles.everything },
      { set: toggles.externalSecret },
      { set: toggles.externalUrl },
      { set: toggles.ephemeral },
    ];
    const normalise = (text: string) =>
      JSON.stringify(
        parseManifests(text).map((o) => {
          const strip = (a?: Record<string, string>) =>
            a && Object.fromEntries(Object.entries(a).filter(([k]) => !k.startsWith('checksum/')));
          if (o.spec?.template?.metadata)
            o.spec.template.metadata.annotations = strip(o.spec.template.metadata.annotations);
          return o;
        }),
      );
    const baseline = await Promise.all(
      bases.map(async (b) =>
        normalise((await renderRaw({ ...b, skipSchemaValidation: true })).stdout),
      ),
    );
    const mutate = (value: unknown): unknown => {
      if (typeof value === 'boolean') return !value;
      if (typeof value === 'number') return value + 1;
      if (typeof value === 'string') return value === '' ? 'mutated' : `${value}x`;
      if (Array.isArray(value)) return value.length > 0 ? [] : ['mutated'];
      // Helm merges a map given with --set-json into the default, so add a key to it.
      if (isObject(value)) return { mutated: 'x' };
      return 'mutated';
    };
    const isRead = async (param: string): Promise<boolean> => {
      for (const [index, base] of bases.entries()) {
        const current = valueAt(effectiveValues(base), param);
        const result = await renderRaw({
          ...base,
          set: { ...base.set, [param]: mutate(current) },
          skipSchemaValidation: true,
        });
        if (result.code !== 0 || normalise(result.stdout) !== baseline[index]) return true;
      }
      return false;
    };
    const unread: string[] = [];
    const queue = [...documented.map((p) => p.path)];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let param = queue.shift(); param; param = queue.shift())
          if (!(await isRead(param))) unread.push(param);
      }),
    );
    expect(unread).toEqual([]);
  }, 240_000);
});
