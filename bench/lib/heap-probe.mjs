// Preloaded into the server under test (node --expose-gc --import this): on SIGUSR2 it runs a
// full GC and writes process.memoryUsage() to BENCH_HEAP_FILE. RSS alone overstates the need:
// with gigabytes free, V8 grows the heap lazily and keeps garbage a container would not allow.
import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify(process.memoryUsage()));
});
