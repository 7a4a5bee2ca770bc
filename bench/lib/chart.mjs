// The chart's API resources: what the sizing is set beside, and the limits the image runs under.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './snapshot.mjs';

/** api.resources from deploy/helm/todo-chatbot/values.yaml, or undefined if unreadable. */
export function chartResources() {
  try {
    const file = path.join(repoRoot, 'deploy/helm/todo-chatbot/values.yaml');
    return parse(readFileSync(file, 'utf8'))?.api?.resources;
  } catch {
    return undefined;
  }
}

/** The chart's API limits as `podman run` flags ("384Mi", "1000m" → --memory=384m --cpus=1). */
export function chartPodLimits() {
  const limits = chartResources()?.limits;
  const mebibytes = /^(\d+)Mi$/.exec(String(limits?.memory ?? ''))?.[1];
  const millicores = /^(\d+)m$/.exec(String(limits?.cpu ?? ''))?.[1];
  if (!mebibytes || !millicores) return undefined;
  return [`--memory=${mebibytes}m`, `--cpus=${Number(millicores) / 1000}`];
}
