// The settings the chart gives the API and web containers (user, read-only root, writable
// paths, port, environment), so the container test can run the images exactly so.
//   node tests/chart/container-settings.ts api              # JSON
//   node tests/chart/container-settings.ts web --docker-args  # flags for `docker run`
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployment, plainEnv, secretEnv } from './helpers/inspect.ts';
import { podSpecOf, type RenderOptions, render } from './helpers/render.ts';
import { ensureTools } from './helpers/tools.ts';

export interface ContainerSettings {
  image: string;
  user: number;
  group: number;
  readOnlyRootFilesystem: boolean;
  /** Paths mounted writable (emptyDir) into the container. */
  writablePaths: string[];
  port: number;
  dropCapabilities: string[];
  allowPrivilegeEscalation: boolean;
  /** Non-secret environment, ConfigMap entries included. */
  env: Record<string, string>;
  /** Names of the variables the chart fills from Secrets. */
  secretEnv: string[];
}

export async function containerSettings(
  component: 'api' | 'web',
  options: RenderOptions = { files: ['values-local.yaml'] },
): Promise<ContainerSettings> {
  const objects = await render(options);
  const workload = deployment(objects, component);
  const spec = podSpecOf(workload) ?? {};
  const container = spec.containers[0];
  const security = { ...spec.securityContext, ...container.securityContext };
  const emptyDirs = new Set(
    (spec.volumes ?? [])
      .filter((v: { emptyDir?: unknown }) => v.emptyDir)
      .map((v: { name: string }) => v.name),
  );
  return {
    image: container.image,
    user: security.runAsUser,
    group: security.runAsGroup,
    readOnlyRootFilesystem: security.readOnlyRootFilesystem === true,
    writablePaths: (container.volumeMounts ?? [])
      .filter((m: { name: string; readOnly?: boolean }) => emptyDirs.has(m.name) && !m.readOnly)
      .map((m: { mountPath: string }) => m.mountPath),
    port: container.ports[0].containerPort,
    dropCapabilities: security.capabilities?.drop ?? [],
    allowPrivilegeEscalation: security.allowPrivilegeEscalation !== false,
    env: plainEnv(objects, container),
    secretEnv: Object.keys(secretEnv(container)),
  };
}

export function dockerArgs(settings: ContainerSettings): string[] {
  return [
    '--user',
    `${settings.user}:${settings.group}`,
    ...(settings.readOnlyRootFilesystem ? ['--read-only'] : []),
    ...settings.writablePaths.flatMap((p) => ['--tmpfs', p]),
    ...settings.dropCapabilities.map((c) => `--cap-drop=${c}`),
    ...(settings.allowPrivilegeEscalation ? [] : ['--security-opt=no-new-privileges']),
    ...Object.entries(settings.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const component = process.argv[2];
  if (component !== 'api' && component !== 'web') {
    console.error('usage: node tests/chart/container-settings.ts api|web [--docker-args]');
    process.exit(2);
  }
  ensureTools();
  const settings = await containerSettings(component);
  if (process.argv.includes('--docker-args')) console.log(dockerArgs(settings).join('\n'));
  else console.log(JSON.stringify(settings, null, 2));
}
