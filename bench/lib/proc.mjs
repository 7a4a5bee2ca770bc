// Reads a process's memory and CPU time from /proc, and samples them while a scenario runs.
import { readFileSync } from 'node:fs';

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** Resident set size in bytes (VmRSS), or undefined once the process is gone. */
export function rssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds the process has used so far (all its threads). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields after it are space-separated from ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export function loadAverage() {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}

/**
 * Samples RSS every `intervalMs` until stopped; also the CPU seconds used in between, which
 * is what sizing needs: CPU per request holds up far better than requests/s on a busy machine.
 */
export function startSampler(pid, intervalMs = 100) {
  const startCpu = cpuSeconds(pid) ?? 0;
  const startedAt = performance.now();
  const startRss = rssBytes(pid) ?? 0;
  let peak = startRss;
  let samples = 1;
  const timer = setInterval(() => {
    const rss = rssBytes(pid);
    if (rss === undefined) return;
    samples += 1;
    if (rss > peak) peak = rss;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const endRss = rssBytes(pid) ?? 0;
      const seconds = (performance.now() - startedAt) / 1000;
      const cpu = (cpuSeconds(pid) ?? startCpu) - startCpu;
      return {
        rss_start_bytes: startRss,
        rss_peak_bytes: Math.max(peak, endRss),
        rss_end_bytes: endRss,
        samples,
        cpu_seconds: round(cpu, 2),
        cpu_cores: round(cpu / seconds, 2),
      };
    },
  };
}

export const round = (value, digits = 1) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
