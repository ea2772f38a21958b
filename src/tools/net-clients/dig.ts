// Layer tools (net-clients): `dig` from BIND 9.20 (netshoot's bind-tools): `dig [@server] [-p port]
// [-t type] [-x addr] name [type] [+short|+search|+noall|+answer|+timeout=N|+tries=N|...]`, one UDP query
// to the first resolv.conf nameserver (or @server) and the reply printed by bin/dig/dig.c printmessage.
// Exit status 0 for any reply, 9 when no server answered, 1 for usage errors.

import { formatIpv4, parseIpv4 } from '../../addr/index.js';
import { parseResolvConf } from '../../apps/index.js';
import { DNS_TYPE, dnsOpcodeName, dnsRcodeName, dnsTypeFromName, type DnsRecord, type ParsedDnsMessage } from '../../wire/index.js';
import type { Process, Tool } from '../process.js';
import { udpExchange, type ExchangeOutcome } from './dns-exchange.js';
import { absolute, BIND_VERSION, buildQuery, reverseName, whenText } from './dns-query.js';
import { questionLine, rdataText, recordLine } from './dns-text.js';
import { clientEnv } from './host-env.js';

interface DigArgs {
  server: string | undefined;
  port: number;
  name: string | undefined;
  type: number;
  isShort: boolean;
  isSearch: boolean;
  isComments: boolean;
  isQuestion: boolean;
  isAnswer: boolean;
  isAuthority: boolean;
  isAdditional: boolean;
  isStats: boolean;
  isCmd: boolean;
  isRd: boolean;
  isEdns: boolean;
  timeoutS: number;
  tries: number;
}

const SECTIONS = ['question', 'answer', 'authority', 'additional', 'comments', 'stats', 'cmd'] as const;

function parseDigArgs(argv: readonly string[]): DigArgs | string {
  const a: DigArgs = { server: undefined, port: 53, name: undefined, type: DNS_TYPE.A, isShort: false, isSearch: false, isComments: true, isQuestion: true, isAnswer: true, isAuthority: true, isAdditional: true, isStats: true, isCmd: true, isRd: true, isEdns: true, timeoutS: 5, tries: 3 };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] ?? '';
    if (w.startsWith('@')) a.server = w.slice(1);
    else if (w.startsWith('+')) {
      const [opt = '', value] = w.slice(1).split('=');
      const on = !opt.startsWith('no');
      const key = on ? opt : opt.slice(2);
      if (key === 'short') a.isShort = on;
      else if (key === 'search') a.isSearch = on;
      else if (key === 'all') for (const s of SECTIONS) setSection(a, s, on);
      else if ((SECTIONS as readonly string[]).includes(key)) setSection(a, key as (typeof SECTIONS)[number], on);
      else if (key === 'recurse') a.isRd = on;
      else if (key === 'edns') a.isEdns = on;
      else if (key === 'timeout' && value !== undefined) a.timeoutS = Math.max(1, Number(value));
      else if (key === 'tries' && value !== undefined) a.tries = Math.max(1, Number(value));
      else if (key === 'retry' && value !== undefined) a.tries = Math.max(0, Number(value)) + 1;
      else return `Invalid option: ${w}`;
    } else if (w === '-p') a.port = Number(argv[++i] ?? 53);
    else if (w === '-t') {
      const t = dnsTypeFromName(argv[++i] ?? '');
      if (t === undefined) return `;; Warning, ignoring invalid type ${argv[i] ?? ''}`;
      a.type = t;
    } else if (w === '-x') {
      // dig.c: -x takes the next word; without one it is an invalid option.
      if (argv[i + 1] === undefined) return `Invalid option: ${w}`;
      a.name = reverseName(argv[++i] ?? '');
      a.type = DNS_TYPE.PTR;
    } else if (a.name !== undefined && dnsTypeFromName(w) !== undefined && w.toUpperCase() !== w.toLowerCase()) a.type = dnsTypeFromName(w) ?? a.type;
    else if (w.toUpperCase() === 'IN') continue;
    else a.name = w;
  }
  return a;
}

function setSection(a: DigArgs, s: (typeof SECTIONS)[number], on: boolean): void {
  const key = `is${s[0]?.toUpperCase()}${s.slice(1)}` as 'isQuestion';
  a[key] = on;
}

export const dig: Tool = async (p) => {
  const env = clientEnv(p);
  const parsed = parseDigArgs(p.argv.slice(1));
  if (typeof parsed === 'string') {
    p.err(`${parsed}\n`);
    return 1;
  }
  const a = parsed;
  if (!env) return 10;
  const conf = parseResolvConf(env.resolvConf, env.libc);
  const serverIp = a.server !== undefined ? parseIpv4(a.server) : conf.nameservers[0];
  if (serverIp === undefined) {
    p.err(`dig: couldn't get address for '${a.server ?? ''}': not found\n`);
    return 10;
  }
  const userarg = a.server ?? formatIpv4(serverIp);
  const base = a.name ?? '.';
  const names = a.isSearch && !base.endsWith('.') && base.split('.').length - 1 < conf.ndots ? [...conf.search.map((d) => `${base}.${d}`), base] : [base];
  const rng = env.netns.ctx.rng.fork(`tools/dig/${env.netns.name}`);
  const header = a.isCmd && !a.isShort ? `\n; <<>> DiG ${BIND_VERSION} <<>> ${p.argv.slice(1).join(' ')}\n${a.server !== undefined ? '; (1 server found)\n' : ''};; global options: +cmd\n` : '';
  for (const [i, name] of names.entries()) {
    const q = buildQuery(rng, absolute(name), a.type, { isEdns: a.isEdns, isAd: true, isRd: a.isRd });
    const r = await exchange(p, env.netns, { server: serverIp, port: a.port, id: q.id, query: q.bytes, timeoutUs: a.timeoutS * 1e6, tries: a.tries, onRetry: () => p.out(`;; communications error to ${formatIpv4(serverIp)}#${a.port}: timed out\n`) });
    if (r === undefined) return 130;
    if (r.kind !== 'reply') {
      if (r.kind === 'timeout') p.out(`;; communications error to ${formatIpv4(serverIp)}#${a.port}: timed out\n`);
      p.out(`${header};; no servers could be reached\n`);
      return 9;
    }
    if (a.isSearch && r.message.rcode === 3 && i < names.length - 1) continue;
    if (a.isShort) {
      p.out(r.message.answers.map((rr) => `${rdataText(rr.data)}\n`).join(''));
      return 0;
    }
    const tz = p.host.kind === 'pod' ? 'UTC' : p.lab.spec.clock.timezone;
    p.out(header + printMessage(r.message, a, q.cookie) + (a.isStats ? stats(r, `${formatIpv4(serverIp)}#${a.port}`, userarg, whenText(p.lab.wallMs, tz)) : ''));
    return 0;
  }
  return 0;
};

async function exchange(p: Process, ns: Parameters<typeof udpExchange>[0], o: Parameters<typeof udpExchange>[1]): Promise<ExchangeOutcome | undefined> {
  let result: ExchangeOutcome | undefined;
  const cancel = udpExchange(ns, o, (r) => void (result = r));
  await p.until(() => result !== undefined || p.isInterrupted);
  if (!result) cancel();
  return result;
}

/** printmessage: header comments, the OPT pseudo-section, then each section with its records. */
function printMessage(m: ParsedDnsMessage, a: DigArgs, cookie: Uint8Array | undefined): string {
  let s = '';
  if (a.isComments) {
    s += ';; Got answer:\n';
    if (m.questions.some((q) => /(^|\.)local\.$/i.test(q.name))) s += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    s += `;; ->>HEADER<<- opcode: ${dnsOpcodeName(m.opcode)}, status: ${dnsRcodeName(m.rcode)}, id: ${m.id}\n`;
    const flags = (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).filter((f) => m[f]).map((f) => ` ${f}`).join('');
    s += `;; flags:${flags}; QUERY: ${m.qdcount}, ANSWER: ${m.ancount}, AUTHORITY: ${m.nscount}, ADDITIONAL: ${m.arcount}\n`;
    if (m.rd && !m.ra) s += ';; WARNING: recursion requested but not available\n';
    s += '\n';
  }
  const opt = m.additionals.find((r) => r.type === DNS_TYPE.OPT);
  if (opt && a.isComments) s += optText(opt, cookie);
  if (a.isQuestion) s += `${a.isComments ? ';; QUESTION SECTION:\n' : ''}${m.questions.map((q) => `${questionLine(q)}\n`).join('')}${a.isComments ? '\n' : ''}`;
  const sections: Array<[string, readonly DnsRecord[], boolean]> = [
    ['ANSWER', m.answers, a.isAnswer],
    ['AUTHORITY', m.authorities, a.isAuthority],
    ['ADDITIONAL', m.additionals.filter((r) => r.type !== DNS_TYPE.OPT), a.isAdditional],
  ];
  for (const [title, rrs, on] of sections) {
    if (!on || rrs.length === 0) continue;
    s += `${a.isComments ? `;; ${title} SECTION:\n` : ''}${rrs.map((r) => `${recordLine(r)}\n`).join('')}${a.isComments ? '\n' : ''}`;
  }
  return s;
}

/** The OPT pseudo-section: version, flags, UDP size and the COOKIE option (echoed or with a server part). */
function optText(opt: DnsRecord, cookie: Uint8Array | undefined): string {
  let s = `;; OPT PSEUDOSECTION:\n; EDNS: version: ${(opt.ttl >>> 16) & 0xff}, flags:${opt.ttl & 0x8000 ? ' do' : ''}; udp: ${opt.class}\n`;
  const data = opt.data.kind === 'raw' ? opt.data.data : new Uint8Array(0);
  for (let off = 0; off + 4 <= data.length; ) {
    const code = ((data[off] ?? 0) << 8) | (data[off + 1] ?? 0);
    const len = ((data[off + 2] ?? 0) << 8) | (data[off + 3] ?? 0);
    const value = data.subarray(off + 4, off + 4 + len);
    if (code === 10) {
      const hex = [...value].map((b) => b.toString(16).padStart(2, '0')).join('');
      const echoed = cookie !== undefined && value.length === 8 && value.every((b, i) => b === cookie[i]);
      s += `; COOKIE: ${hex}${echoed ? ' (echoed)' : ''}\n`;
    }
    off += 4 + len;
  }
  return s;
}

function stats(r: Extract<ExchangeOutcome, { kind: 'reply' }>, from: string, userarg: string, when: string): string {
  return `;; Query time: ${Math.floor(r.rttUs / 1000)} msec\n;; SERVER: ${from}(${userarg}) (UDP)\n;; WHEN: ${when}\n;; MSG SIZE  rcvd: ${r.bytes}\n\n`;
}
