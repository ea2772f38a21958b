// Layer tools (net-clients): `nslookup NAME [SERVER]` from BIND 9.20 (bin/dig/nslookup.c): the server
// lines, then for the A and AAAA answers "Name:\t<owner>" / "Address: <ip>", "Non-authoritative answer:"
// for a reply without AA, "** server can't find NAME: NXDOMAIN" and exit 1 when nothing was found.

import { formatIpv4, parseIpv4 } from '../../addr/index.js';
import { DNS_TYPE, dnsRcodeName } from '../../wire/index.js';
import type { Tool } from '../process.js';
import { reverseName } from './dns-query.js';
import { defaultServer, searchQuery } from './dns-search.js';
import { rdataText } from './dns-text.js';
import { clientEnv } from './host-env.js';

export const nslookup: Tool = async (p) => {
  const env = clientEnv(p);
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [name, serverArg] = args;
  if (!env || name === undefined) {
    p.err('nslookup: interactive mode is not available\n');
    return 1;
  }
  const chosen = serverArg !== undefined ? parseIpv4(serverArg) : defaultServer(env)?.server;
  if (chosen === undefined) {
    p.err(`nslookup: couldn't get address for '${serverArg ?? ''}': not found\n`);
    return 1;
  }
  const from = `${formatIpv4(chosen)}#53`;
  const opts = { timeoutS: 2, tries: 2, onRetry: () => p.out(`;; communications error to ${from}: timed out\n`) };
  const addr = parseIpv4(name);
  const questions = addr !== undefined ? [DNS_TYPE.PTR] : [DNS_TYPE.A, DNS_TYPE.AAAA];
  let out = `Server:\t\t${formatIpv4(chosen)}\nAddress:\t${from}\n\n`;
  let isFound = false;
  let failure = '';
  for (const type of questions) {
    const r = await searchQuery(p, env, chosen, addr !== undefined ? reverseName(name) : name, type, opts);
    if (r.kind === 'interrupted') return 130;
    if (r.kind === 'timeout') {
      p.out(`;; communications error to ${from}: timed out\n;; no servers could be reached\n\n`);
      return 1;
    }
    const m = r.message;
    if (m.rcode !== 0) {
      failure ||= `** server can't find ${name}: ${dnsRcodeName(m.rcode)}\n`;
      continue;
    }
    if (!m.aa && m.answers.length > 0 && !isFound) out += 'Non-authoritative answer:\n';
    for (const rr of m.answers) {
      const owner = rr.name.replace(/\.$/, '');
      if (rr.data.kind === 'a' || rr.data.kind === 'aaaa') out += `Name:\t${owner}\nAddress: ${rdataText(rr.data)}\n`;
      else if (rr.data.kind === 'ptr') out += `${owner}\tname = ${rr.data.target}\n`;
      else if (rr.data.kind === 'cname') out += `${owner}\tcanonical name = ${rr.data.target}\n`;
      isFound = true;
    }
  }
  if (!isFound && failure) {
    p.out(`${out}${failure}\n`);
    return 1;
  }
  p.out(`${out}\n`);
  return 0;
};
