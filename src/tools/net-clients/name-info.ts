// Layer tools (net-clients): getnameinfo() for an IPv4 address as ping's pr_addr() asks it: /etc/hosts
// first (the first name of the first line with the address), then a PTR query for a.b.c.d.in-addr.arpa
// to the first nameserver of resolv.conf (musl getnameinfo, glibc nss "files dns"); undefined if neither.

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import { parseResolvConf } from '../../apps/index.js';
import { DNS_CLASS, DNS_TYPE, emitDns } from '../../wire/index.js';
import { udpExchange } from './dns-exchange.js';
import type { ClientEnv } from './host-env.js';

export function reverseHosts(hosts: string, addr: Ipv4Addr): string | undefined {
  for (const raw of hosts.split('\n')) {
    const [a, name] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (a !== undefined && name !== undefined && parseIpv4(a) === addr) return name;
  }
  return undefined;
}

export function ptrName(addr: Ipv4Addr): string {
  return `${formatIpv4(addr).split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** The name for `addr`, or undefined; `done` may run synchronously. Returns a cancel. */
export function reverseLookup(env: ClientEnv, addr: Ipv4Addr, done: (name: string | undefined) => void): () => void {
  const local = reverseHosts(env.hosts, addr);
  const conf = parseResolvConf(env.resolvConf, env.libc);
  const server = conf.nameservers[0];
  if (local !== undefined || server === undefined) {
    done(local);
    return () => undefined;
  }
  const id = env.netns.ctx.rng.fork(`tools/getnameinfo/${env.netns.name}`).int(0, 65535);
  const query = emitDns({ id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name: ptrName(addr), type: DNS_TYPE.PTR, class: DNS_CLASS.IN }], answers: [], authorities: [], additionals: [] });
  return udpExchange(env.netns, { server, port: 53, id, query, timeoutUs: conf.timeoutS * 1_000_000, tries: Math.max(1, conf.attempts) }, (r) => {
    if (r.kind !== 'reply') return done(undefined);
    const ptr = r.message.answers.find((rr) => rr.data.kind === 'ptr');
    done(ptr?.data.kind === 'ptr' ? ptr.data.target.replace(/\.$/, '') : undefined);
  });
}
