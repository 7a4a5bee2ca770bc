// A free local TCP port for a server the harness starts.
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';

/** A port nobody listens on right now on 127.0.0.1 (the kernel picks it). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}
