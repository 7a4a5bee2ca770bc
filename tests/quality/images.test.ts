// The two images as built: an SBOM of each (syft, kept under test-results/sbom/), the API image
// holding only what docs/containers.md lists, and no secret in either (detect-secrets).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import { detectSecrets } from './support/detect-secrets.ts';
import { runTool, unexplained } from './support/tools.ts';
import { unusedWaivers } from './waivers.ts';

const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
const images = {
  api: `localhost/todo-chatbot-api:${version}`,
  web: `localhost/todo-chatbot-web:${version}`,
};
const sbomDir = path.join(repoRoot, 'test-results/sbom');
const work = mkdtempSync(path.join(tmpdir(), 'todo-images-'));
const mounted: string[] = [];

const podman = (args: string[]) =>
  execFileSync('podman', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();

function mount(image: string): string {
  const root = podman(['image', 'mount', image]);
  mounted.push(image);
  return root;
}

beforeAll(() => {
  execFileSync('bash', ['scripts/containers/setup-host.sh'], { cwd: repoRoot, stdio: 'inherit' });
  for (const [name, image] of Object.entries(images)) {
    try {
      podman(['image', 'exists', image]);
    } catch {
      // The container suite builds them in CI; alone, this suite builds them (layers are cached).
      execFileSync('bash', ['scripts/containers/build-images.sh', name], {
        cwd: repoRoot,
        stdio: 'inherit',
      });
    }
  }
  mkdirSync(sbomDir, { recursive: true });
});

afterAll(() => {
  for (const image of mounted) podman(['image', 'unmount', image]);
  rmSync(work, { recursive: true, force: true });
});

interface SyftDocument {
  artifacts: { type: string; name: string; version: string; locations: { path: string }[] }[];
}

async function sbom(name: string, image: string): Promise<SyftDocument> {
  const archive = path.join(work, `${name}.tar`);
  podman(['save', '--format', 'docker-archive', '--output', archive, image]);
  const json = path.join(work, `${name}.syft.json`);
  const spdx = path.join(sbomDir, `todo-chatbot-${name}.spdx.json`);
  const { code, stderr } = await runTool('syft', [
    'scan',
    `docker-archive:${archive}`,
    '--quiet',
    '--output',
    `syft-json=${json}`,
    '--output',
    `spdx-json=${spdx}`,
  ]);
  expect(code, stderr).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as SyftDocument;
}

// docs/containers.md, "What is in the API image": distroless cc's Debian packages, Node, the app.
const apiImageHolds = [
  'deb base-files',
  'deb gcc-12-base',
  'deb libc6',
  'deb libgcc-s1',
  'deb libgomp1',
  'deb libssl3',
  'deb libstdc++6',
  'deb netbase',
  'deb tzdata',
  'binary node',
  'npm swagger-ui-dist',
  'npm todo-chatbot-api',
];
// What an attacker with code execution would reach for, and what a slim image must not carry.
const neverInApiImage =
  /^(sh|bash|dash|ash|busybox|npm|npx|corepack|yarn|pnpm|apt|apt-get|dpkg|apk|pip3?|curl|wget)$/;

describe('syft', () => {
  it('writes an SBOM of each image, and the API image holds only what the docs list', async () => {
    const api = await sbom('api', images.api);
    const web = await sbom('web', images.web);
    expect(web.artifacts.length).toBeGreaterThan(0);
    const found = [...new Set(api.artifacts.map((a) => `${a.type} ${a.name}`))].sort();
    expect(found).toEqual([...apiImageHolds].sort());
  });

  it('finds no shell, package manager or download tool in the API image', () => {
    const root = mount(images.api);
    const files = execFileSync(
      'find',
      [root, '-xdev', '(', '-type', 'f', '-o', '-type', 'l', ')'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
      .split('\n')
      .filter((file) => neverInApiImage.test(path.basename(file)))
      .map((file) => file.slice(root.length));
    expect(files).toEqual([]);
  });
});

// What the Dockerfiles add; the rest is the base images' own files (Debian's, distroless', nginx').
const ourApiFiles = ['app'];
const ourWebFiles = ['usr/share/nginx/html', 'etc/nginx', 'docker-entrypoint.d'];

describe('detect-secrets', () => {
  const tool = 'detect-secrets (images)';
  it('finds no secret in what either image adds to its base, and every waiver still matches', async () => {
    const findings = [
      ...(await detectSecrets(mount(images.api), tool, 'api image', ourApiFiles)),
      ...(await detectSecrets(mount(images.web), tool, 'web image', ourWebFiles)),
    ];
    expect(unexplained(findings)).toEqual([]);
    expect(unusedWaivers(tool, findings)).toEqual([]);
  });
});
