// Layer tools (net-clients): `host NAME [SERVER]` from BIND 9.20 (bin/dig/host.c): A, AAAA and MX along
// the search list, one line per record ("has address", "has IPv6 address", "mail is handled by",
// "is an alias for", "domain name pointer"), "Host NAME not found: 3(NXDOMAIN)" with exit 1.

import { parseIpv4 } from '../../addr/index.js';
import { DNS_TYPE, dnsRcodeName, dnsTypeFromName, type DnsRecord } from '../../wire/index.js';
import type { Tool } from '../process.js';
import { reverseName } from './dns-query.js';
import { defaultServer, searchQuery } from './dns-search.js';
import { rdataText } from './dns-text.js';
import { clientEnv } from './host-env.js';

function line(rr: DnsRecord): string {
  const owner = rr.name.replace(/\.$/, '');
  switch (rr.data.kind) {
    case 'a':
      return `${owner} has address ${rdataText(rr.data)}`;
    case 'aaaa':
      return `${owner} has IPv6 address ${rdataText(rr.data)}`;
    case 'mx':
      return `${owner} mail is handled by ${rdataText(rr.data)}`;
    case 'cname':
      return `${owner} is an alias for ${rr.data.target}`;
    case 'ptr':
      return `${owner} domain name pointer ${rr.data.target}`;
    default:
      return `${owner} has ${rr.type} record ${rdataText(rr.data)}`;
  }
}

export const host: Tool = async (p) => {
  const env = clientEnv(p);
  const argv = p.argv.slice(1);
  const tIndex = argv.indexOf('-t');
  const forced = tIndex >= 0 ? dnsTypeFromName(argv[tIndex + 1] ?? '') : undefined;
  const words = argv.filter((w, i) => !w.startsWith('-') && (tIndex < 0 || i !== tIndex + 1));
  const [name, serverArg] = words;
  if (!env || name === undefined) {
    p.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const server = serverArg !== undefined ? parseIpv4(serverArg) : defaultServer(env)?.server;
  if (server === undefined) return 1;
  const addr = parseIpv4(name);
  const types = addr !== undefined ? [DNS_TYPE.PTR] : forced !== undefined ? [forced] : [DNS_TYPE.A, DNS_TYPE.AAAA, DNS_TYPE.MX];
  const qname = addr !== undefined ? reverseName(name) : name;
  // With an explicit server, host first says which one it uses.
  let out = serverArg !== undefined ? `Using domain server:\nName: ${serverArg}\nAddress: ${serverArg}#53\nAliases: \n\n` : '';
  for (const type of types) {
    const r = await searchQuery(p, env, server, qname, type, { timeoutS: 5, tries: 2 });
    if (r.kind === 'interrupted') return 130;
    if (r.kind === 'timeout') {
      p.out(`${out};; communications error to ${serverArg ?? defaultServer(env)?.text}#53: timed out\n;; no servers could be reached\n`);
      return 1;
    }
    if (r.message.rcode !== 0) {
      p.out(`${out}Host ${name} not found: ${r.message.rcode}(${dnsRcodeName(r.message.rcode)})\n`);
      return 1;
    }
    for (const rr of r.message.answers) out += `${line(rr)}\n`;
  }
  p.out(out);
  return 0;
};
