// The reliability suite's load (signed-in users looping over list, create, complete and a chat
// turn, every acknowledged write remembered) aimed at the cluster: half the requests through the
// ingress controller on the node's port 80, half through the web Service's cluster IP (kube-proxy),
// and the acknowledged writes looked up in the in-cluster PostgreSQL afterwards.
import { createClient } from '../../reliability/lib/http.mjs';
import { createLoad, findLostWrites } from '../../reliability/lib/load.mjs';
import { summarizeRecords } from '../../reliability/lib/outcomes.mjs';
import { cluster, fullName, kubectl, kubectlJson, namespace, psql } from './cluster.ts';

export const ingressHost = 'todo.local';

export interface ClusterLoad {
  load: ReturnType<typeof createLoad>;
  close(): void;
}

export async function clusterLoad(
  label: string,
  users: number,
  thinkMs = 20,
): Promise<ClusterLoad> {
  const ingress = `http://${cluster().nodeIp}`;
  const webIp = (await kubectlJson(['-n', namespace, 'get', 'service', fullName('web')])).spec
    .clusterIP;
  const service = `http://${webIp}:8080`;
  const throughIngress = createClient({ headers: { host: ingressHost } });
  const throughService = createClient();
  let next = 0;
  const client = {
    request: (
      base: string,
      method: string,
      path: string,
      options?: { body?: unknown; headers?: object },
    ) => (base === ingress ? throughIngress : throughService).request(base, method, path, options),
    close() {
      throughIngress.close();
      throughService.close();
    },
  };
  const load = createLoad({
    client,
    target: () => {
      next += 1;
      return next % 2 === 0 ? ingress : service;
    },
    users,
    thinkMs,
    // Unique per run: the accounts of an earlier run on a kept cluster still exist.
    label: `${label}-${Date.now().toString(36)}`,
  });
  await load.setup();
  return { load, close: () => client.close() };
}

/** SQL in the PostgreSQL pod; `$1` may be an array of integers, the only parameter used. */
async function query(sql: string, params: unknown[] = []): Promise<{ id: number }[]> {
  const text = sql.replace(/\$1/g, `'{${(params[0] as number[]).join(',')}}'`);
  const output = await psql(text);
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ id: Number(line) }));
}

export function lostWrites(load: ClusterLoad['load']) {
  return findLostWrites(query, load.acknowledged);
}

export function summary(load: ClusterLoad['load'], durationMs: number) {
  return summarizeRecords(load.records, durationMs);
}

export interface PodUsage {
  pod: string;
  cpuMillicores: number;
  memoryMiB: number;
}

/** Each pod's CPU and memory from the metrics API (metrics-server). */
export async function podUsage(selector: string): Promise<PodUsage[]> {
  const list = JSON.parse(
    await kubectl([
      'get',
      '--raw',
      `/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`,
    ]),
  );
  const cpu = (value: string) =>
    value.endsWith('n')
      ? Number(value.slice(0, -1)) / 1e6
      : value.endsWith('m')
        ? Number(value.slice(0, -1))
        : Number(value) * 1000;
  const memory = (value: string) =>
    value.endsWith('Ki')
      ? Number(value.slice(0, -2)) / 1024
      : value.endsWith('Mi')
        ? Number(value.slice(0, -2))
        : Number(value) / 1048576;
  return list.items.map(
    (item: {
      metadata: { name: string };
      containers: { usage: { cpu: string; memory: string } }[];
    }) => ({
      pod: item.metadata.name,
      cpuMillicores: Math.round(item.containers.reduce((sum, c) => sum + cpu(c.usage.cpu), 0)),
      memoryMiB: Math.round(item.containers.reduce((sum, c) => sum + memory(c.usage.memory), 0)),
    }),
  );
}
