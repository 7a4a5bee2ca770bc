// Turns a run's measurements into users per pod and the chart's `resources`. CPU comes from
// CPU time per request (steady on a busy machine, unlike requests/s); memory from RSS under a
// heap cap like the one a container limit imposes, on the bundle the image runs.

/**
 * What one active user asks for per minute. An assumption, stated in the docs: a person
 * working through their list, with the assistant now and then and an MCP client syncing.
 */
export const USER_MODEL = { list: 3, create: 1, toggle: 1, chat: 0.5, mcp: 0.5 };

// The HPA's default target in the chart; also the share of a core we plan to use per pod.
const TARGET_UTILISATION = 0.7;

const ceilTo = (value, step) => Math.ceil(value / step) * step;

// How far RSS at rest moved between runs of the same build on this machine.
const RUN_SPREAD = 0.1;

// Node 24 in the image reported a 259 MB heap limit under 256 Mi and 512 Mi container limits
// (its floor), and RSS outside the heap was about 100 MB (RSS at ready minus the live heap).
const HEAP_FLOOR_MB = 259;
const OUTSIDE_HEAP_MB = 100;

export function sizing(engineResult) {
  const { scenarios = {}, memory = {} } = engineResult;
  // The list is measured three times in a run (the scenario, the 100-tasks scaling level and
  // the repeat at the end); its median resists the first run after a start being slow.
  const listRuns = [scenarios.list, engineResult.scaling?.tasks?.[100], engineResult.repeat_list]
    .map((result) => result?.cpu?.server_ms_per_request)
    .filter((value) => value !== undefined)
    .sort((a, b) => a - b);
  const cpuMs = (name) =>
    name === 'list' && listRuns.length
      ? listRuns[Math.floor(listRuns.length / 2)]
      : scenarios[name]?.cpu?.server_ms_per_request;
  const dbMs = (name) => scenarios[name]?.cpu?.database_ms_per_request;
  const missing = Object.keys(USER_MODEL).filter((name) => cpuMs(name) === undefined);
  if (missing.length) return { missing };

  const perUserMinute = Object.entries(USER_MODEL).reduce(
    (sum, [name, perMinute]) => sum + perMinute * cpuMs(name),
    0,
  );
  const dbPerUserMinute = Object.entries(USER_MODEL).reduce(
    (sum, [name, perMinute]) => sum + perMinute * (dbMs(name) ?? 0),
    0,
  );
  const usersPerCore = Math.floor((TARGET_UTILISATION * 60_000) / perUserMinute);

  // The event loop is one thread; GC and libuv threads add a little. The highest use we saw
  // bounds what a limit above one core could buy. Only what API pods serve counts: in the
  // cluster the web pods serve the static page (its file reads keep libuv's pool busy).
  const cores = Object.keys(USER_MODEL).map((name) => scenarios[name].cpu.server_cores);
  const peakCores = Math.max(...cores);
  // One core unless the process clearly used more (GC and libuv threads rarely add 25 %).
  const cpuLimit = peakCores > 1.25 ? ceilTo(peakCores * 1000, 500) : 1000;
  const cpuRequest = ceilTo(cpuLimit / 2, 50);
  // In the container the same list request cost more CPU (CFS quota, a busy host): the users a
  // pod serves are quoted from both, the host figure as the optimistic end.
  const podList = engineResult.image?.load?.list?.cpu?.server_ms_per_request;
  const podFactor = podList && cpuMs('list') ? Math.max(1, podList / cpuMs('list')) : 1;

  // Memory: the image in a container with the chart's current limits if it was measured, else
  // its bundle on this machine's Node, else dist/ (npm start). At rest after load, and at the
  // peak (100 users included).
  const pod = engineResult.image?.load;
  const bundle = engineResult.image_bundle?.heap?.v8_default;
  const chosen = pod ?? bundle;
  const peak = chosen ? chosen.peak_mb : memory.peak_mb;
  const rest = chosen
    ? Math.max(chosen.rss_at_rest_mb, chosen.rss_after_load_mb)
    : memory.rest_after_load_mb;
  // Plus the spread between runs, so the request does not flip across a 32 Mi step from one
  // run to the next (three runs of the same code here: 181, 200 and 186 MB at rest).
  const memoryRequest = ceilTo(rest * (1 + RUN_SPREAD), 32);
  // 1.5 x the peak, and never below what V8 may grow the heap to under that limit plus what
  // lives outside the heap: Node sizes the heap from the limit with a floor (measured in the
  // container phase), so a tight limit would be an OOM kill waiting for a busy minute.
  const heapLimits = engineResult.image?.heap_limits_mb ?? {};
  const fits = (limitMi) => {
    const known = Object.keys(heapLimits)
      .map(Number)
      .filter((mi) => mi <= limitMi)
      .sort((a, b) => b - a)[0];
    const heap = known === undefined ? HEAP_FLOOR_MB : Math.max(heapLimits[known], HEAP_FLOOR_MB);
    return heap + OUTSIDE_HEAP_MB <= limitMi;
  };
  let memoryLimit = ceilTo(peak * 1.5, 64);
  while (!fits(memoryLimit)) memoryLimit += 64;
  const measuredOn = pod
    ? `the image in a container with ${engineResult.image.limits}`
    : bundle
      ? 'the image bundle on this machine'
      : 'dist/ (npm start)';

  return {
    user_model_per_minute: USER_MODEL,
    cpu_ms_per_user_minute: round(perUserMinute),
    database_cpu_ms_per_user_minute: round(dbPerUserMinute),
    active_users_per_core: usersPerCore,
    active_users_per_core_in_container: Math.floor(usersPerCore / podFactor),
    container_cpu_factor: Math.round(podFactor * 100) / 100,
    active_users_per_pod_at_request: Math.floor((usersPerCore * cpuRequest) / 1000),
    peak_server_cores: peakCores,
    measured_on: measuredOn,
    heap_floor_mb: HEAP_FLOOR_MB,
    rss_rest_mb: rest,
    run_spread: RUN_SPREAD,
    rss_peak_mb: peak,
    resources: {
      requests: { cpu: `${cpuRequest}m`, memory: `${memoryRequest}Mi` },
      limits: { cpu: `${cpuLimit}m`, memory: `${memoryLimit}Mi` },
    },
  };
}

const round = (value) => Math.round(value * 10) / 10;
