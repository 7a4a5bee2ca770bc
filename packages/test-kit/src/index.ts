// The harnesses' shared kit: start the built API on a free port and stop it, wait for things,
// and act as a signed-in user. bench, reliability, the process tests, e2e and the cluster
// suite import it (the .mjs ones through Node's type stripping).
export {
  type ApiProcess,
  builtApi,
  type Exit,
  type Readiness,
  type ReadyOptions,
  type StartApiOptions,
  startApi,
} from './api-process.ts';
export { fetchSend, probe, type Reply, type Send, type SendInit } from './http.ts';
export { freePort } from './ports.ts';
export { type WaitForReadyOptions, waitForReady } from './ready.ts';
export { type Account, type Session, signUp } from './session.ts';
export { sleep } from './sleep.ts';
export { type WaitOptions, waitFor } from './wait.ts';
