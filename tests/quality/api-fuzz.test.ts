// Schemathesis against the real server's OpenAPI document (/api/openapi.json), signed in with a
// bearer token: no 5xx, every response matches its documented status code, content type, headers
// and schema, schema-invalid requests are refused and schema-valid ones accepted.
//
// Phases: examples, coverage, fuzzing (each in positive and negative mode, `--mode all`) and
// stateful (call sequences over the links Schemathesis infers from the document and responses).
// Checks: all of them (`--checks all`): not_a_server_error, status_code_conformance,
// content_type_conformance, response_headers_conformance, response_schema_conformance,
// negative_data_rejection, positive_data_acceptance, missing_required_header, unsupported_method,
// allow_header_conformance, use_after_free, ensure_resource_availability, ignored_auth,
// object_level_authorization. A fixed seed keeps the run reproducible; about 2–3 minutes on two cores.
// The server's own log counts too: a warning or an error there (input that got past validation to
// the database, an unhandled error) is a finding.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ServerProcess,
  signUpOver,
  startServer,
  stopAllServers,
} from '../../apps/api/test/process/server-process.ts';
import { runTool, unexplained } from './support/tools.ts';
import { type Finding, unusedWaivers } from './waivers.ts';

const SEED = '20261203';
const MAX_EXAMPLES = '100';

const dir = mkdtempSync(path.join(tmpdir(), 'todo-api-fuzz-'));
let server: ServerProcess;
let token: string;

beforeAll(async () => {
  server = await startServer({
    DATA_DIR: path.join(dir, 'data'),
    // The fuzzer signs in with one token for minutes; no lock-out may end its session.
    AUTH_RATE_LIMIT_ENABLED: 'false',
    // Thousands of cases from one user in minutes: far above the per-user budgets.
    USER_RATE_LIMIT_ENABLED: 'false',
    LLM_PROVIDER: 'local',
  });
  token = await signUpOver(server.url, 'fuzz@example.com');
});

afterAll(stopAllServers);

interface Check {
  name: string;
  status: string;
  failure_info?: {
    failure: { code: string; title: string; message: string; operation: string };
  } | null;
}

/** The two NDJSON events read here; the others (phase and suite boundaries) are skipped. */
interface Event {
  ScenarioFinished?: {
    phase: string;
    recorder: {
      label: string;
      checks?: Record<string, Check[]>;
      cases: Record<string, { value: { id: string } }>;
      interactions?: Record<
        string,
        { response?: { status_code: number; content?: { $base64: string } | null } | null }
      >;
    };
  };
  NonFatalError?: { value: { type: string; message: string }; phase: string; label: string };
}

interface RunReport {
  schemathesis_version: string;
  running_time: number;
  operations: { total: number; selected: number; tested: number; errored: number };
  test_cases: { generated: number; with_failures: number; unique_failures: number };
  phases: Record<string, { status: string; skip_reason: string | null }>;
}

function reportFile(suffix: string): string {
  const name = readdirSync(path.join(dir, 'report')).find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`Schemathesis wrote no ${suffix} report`);
  return path.join(dir, 'report', name);
}

/** One finding per check, operation and kind of failure; the first test case id to replay it. */
function findingsOf(ndjson: string): Finding[] {
  const findings = new Map<string, Finding>();
  for (const line of ndjson.split('\n').filter(Boolean)) {
    const event = JSON.parse(line) as Event;
    if (event.NonFatalError) {
      const { value, phase, label } = event.NonFatalError;
      const key = `error ${label} ${value.type}`;
      findings.set(key, {
        tool: 'schemathesis',
        rule: 'error',
        where: label,
        message: `${value.type} in ${phase}: ${value.message.split('\n').at(-1)}`,
      });
    }
    if (event.ScenarioFinished) {
      const { recorder, phase } = event.ScenarioFinished;
      for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
        for (const check of checks) {
          const failure = check.failure_info?.failure;
          if (check.status === 'success' || !failure) continue;
          const key = `${check.name} ${failure.operation} ${failure.code} ${failure.title}`;
          if (findings.has(key)) continue;
          const id = recorder.cases[caseId]?.value.id ?? caseId;
          const response = recorder.interactions?.[caseId]?.response;
          const body = Buffer.from(response?.content?.$base64 ?? '', 'base64').toString('utf8');
          findings.set(key, {
            tool: 'schemathesis',
            rule: check.name,
            where: failure.operation,
            message:
              `${failure.code} ${failure.title} (${phase}, st replay ${id}): ` +
              `${failure.message.replaceAll('\n', ' ')} -> ${response?.status_code} ${body.slice(0, 300)}`,
          });
        }
      }
    }
  }
  return [...findings.values()];
}

/** What the server logged as a warning or an error: validation that let bad input through. */
function serverLogFindings(output: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split('\n')) {
    let entry: { level: number; msg: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // not a log line, or the last one still being written
    }
    if (entry.level < 40) continue;
    findings.push({
      tool: 'schemathesis',
      rule: 'server_log',
      where: entry.msg,
      message: entry.err?.message?.split('\n')[0] ?? '',
    });
  }
  return findings;
}

describe('schemathesis', () => {
  it('finds nothing unexplained in the running API, and every waiver still matches', async () => {
    // No cache of past failures in the checkout (.schemathesis/): each run stands on its seed.
    const config = path.join(dir, 'schemathesis.toml');
    writeFileSync(config, '[cache]\nenabled = false\n');
    const args = [
      '--config-file',
      config,
      'run',
      `${server.url}/api/openapi.json`,
      '--header',
      `Authorization: Bearer ${token}`,
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--mode',
      'all',
      '--checks',
      'all',
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--workers',
      '1',
      '--generation-database',
      'none',
      '--request-timeout',
      '30',
      '--report',
      'json,ndjson,junit',
      '--report-dir',
      path.join(dir, 'report'),
      '--no-color',
    ];
    const { code, stdout, stderr } = await runTool('schemathesis', args);
    const report = JSON.parse(readFileSync(reportFile('.json'), 'utf8')) as RunReport;
    const findings = [
      ...findingsOf(readFileSync(reportFile('.ndjson'), 'utf8')),
      ...serverLogFindings(server.output()),
    ];
    console.info(
      `schemathesis ${report.schemathesis_version}: ${report.operations.tested}/${report.operations.total} operations, ` +
        `${report.test_cases.generated} test cases, ${findings.length} findings, ` +
        `${report.running_time.toFixed(1)} s (exit ${code}); phases ${JSON.stringify(report.phases)}`,
    );
    // The run must have reached every operation and every phase, or it proves nothing.
    expect(report.operations.tested, stdout + stderr).toBe(report.operations.total);
    for (const phase of ['examples', 'coverage', 'fuzzing', 'stateful']) {
      expect(report.phases[phase]?.skip_reason ?? null, `${phase} phase`).toBeNull();
    }
    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers('schemathesis', findings)).toEqual([]);
  }, 420_000);
});
