// Small pods of the suite's own, in the toolbox image (sh, curl), that pass the restricted Pod
// Security Standard the test namespace enforces.
import { execFileSync } from 'node:child_process';
import { localClusterDir } from './cluster.ts';

export const toolboxImage = execFileSync(
  'bash',
  ['-c', `source "${localClusterDir}/lib.sh" && echo "$TOOLBOX_IMAGE"`],
  { encoding: 'utf8' },
).trim();

// biome-ignore lint/suspicious/noExplicitAny: a manifest the tests extend freely.
export function restrictedPod(name: string, commands: string[]): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { check: name } },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 100,
        runAsGroup: 101,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: 'main',
          image: toolboxImage,
          imagePullPolicy: 'Never',
          command: ['/bin/sh', '-ec', commands.join('\n')],
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          },
          resources: { limits: { cpu: '100m', memory: '32Mi' } },
        },
      ],
    },
  };
}
