// Layer tools (net-clients): `getent hosts|ahosts|ahostsv4 NAME...` (glibc nss/getent.c): the host's
// getaddrinfo (files, then DNS along the search list); "hosts" prints "%-15s %s" (address, canonical
// name), the ahosts forms one line per address and socket type. Exit 2 when a key is not found.

import { formatIpv4 } from '../../addr/index.js';
import type { Tool } from '../process.js';
import { clientEnv, resolverFor } from './host-env.js';
import { resolveName } from './lookup.js';

const DATABASES = new Set(['hosts', 'ahosts', 'ahostsv4']);

export const getent: Tool = async (p) => {
  const env = clientEnv(p);
  const [db, ...keys] = p.argv.slice(1);
  if (db === undefined || !DATABASES.has(db)) {
    p.err(db === undefined ? 'getent: wrong number of arguments\n' : `Unknown database: ${db}\n`);
    return 1;
  }
  if (!env) return 2;
  let status = 0;
  for (const key of keys) {
    const r = await resolveName(p, resolverFor(env, db === 'ahostsv4' ? 'inet' : 'unspec'), key);
    if (r === undefined) return 130;
    if (!r.ok || r.v4.length === 0) {
      status = 2;
      continue;
    }
    const addrs = r.v4.map(formatIpv4);
    if (db === 'hosts') p.out(`${addrs[0]?.padEnd(15)} ${r.canonName}\n`);
    else p.out(addrs.map((a, i) => `${a.padEnd(15)} STREAM ${i === 0 ? r.canonName : ''}\n${a.padEnd(15)} DGRAM  \n${a.padEnd(15)} RAW    \n`).join(''));
  }
  return status;
};
