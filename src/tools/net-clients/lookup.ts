// Layer tools (net-clients): a blocking getaddrinfo() / getnameinfo() inside a tool: start the lookup,
// let virtual time run until it answers, and give up quietly if Ctrl-C arrives first (the program dies
// of SIGINT before it has installed any handler).

import type { Ipv4Addr } from '../../addr/index.js';
import type { ResolveResult } from '../../apps/index.js';
import type { Process } from '../process.js';
import type { ClientEnv, Lookup } from './host-env.js';
import { reverseLookup } from './name-info.js';

/** The lookup's result, or undefined when interrupted. */
export async function resolveName(p: Process, resolver: Lookup, name: string): Promise<ResolveResult | undefined> {
  let result: ResolveResult | undefined;
  const cancel = resolver.lookup(name, (r) => void (result = r));
  await p.until(() => result !== undefined || p.isInterrupted);
  if (result === undefined) cancel();
  return result;
}

/** The name getnameinfo() finds for `addr` (undefined for none), or 'interrupted'. */
export async function addressName(p: Process, env: ClientEnv, addr: Ipv4Addr): Promise<string | undefined | 'interrupted'> {
  let isDone = false;
  let name: string | undefined;
  const cancel = reverseLookup(env, addr, (n) => {
    isDone = true;
    name = n;
  });
  await p.until(() => isDone || p.isInterrupted);
  if (!isDone) {
    cancel();
    return 'interrupted';
  }
  return name;
}
