// Layer tools (host): iputils `tracepath [-n] [-b] [-m HOPS] [-l LEN] [-p PORT] DEST`: UDP probes with TTL
// 1, 2, ... from port 44444 up, the local path MTU first ("1?: [LOCALHOST] pmtu N"), one line per answer
// (52-column host field, RTT, "reached", !N/!H), "no reply" after 3 silent probes, and the Resume line.

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { routeOutput } from '../../net/route-output.js';
import { ICMP_DEST_UNREACH, ICMP_TIME_EXCEEDED } from '../../wire/index.js';
import type { Process, Tool } from '../process.js';
import { hostName, lookupHost } from './host-names.js';
import { sendProbe, unreachMark, type ProbeResult } from './udp-probe.js';

const HOST_COLUMN = 52;
const PROBE_TIMEOUT_US = 1_000_000;

interface TracepathOpts {
  numeric: boolean;
  both: boolean;
  maxHops: number;
  length: number;
  port: number;
}

function usage(p: Process): number {
  p.err('\nUsage\n  tracepath [options] <destination>\n\nOptions:\n  -4             use IPv4\n  -6             use IPv6\n  -b             print both name and ip\n  -l <length>    use packet <length>\n  -m <hops>      use maximum <hops>\n  -n             no dns name resolution\n  -p <port>      use destination <port>\n  -V             print version and exit\n  <destination>  dns name or ip address\n\nFor more details see tracepath(8).\n');
  return 255;
}

export const tracepath: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const o: TracepathOpts = { numeric: false, both: false, maxHops: 30, length: 65535, port: 44444 };
  const args = p.argv.slice(1);
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') o.numeric = true;
    else if (a === '-b') o.both = true;
    else if (a === '-4') continue;
    else if (a === '-m' || a === '-l' || a === '-p') {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v <= 0) return usage(p);
      if (a === '-m') o.maxHops = v;
      else if (a === '-l') o.length = v;
      else o.port = v;
    } else if (a.startsWith('-')) return usage(p);
    else target = a;
  }
  if (target === undefined) return usage(p);
  const dst = parseIpv4(target) ?? lookupHost(p, target);
  if (dst === undefined) {
    p.err(`tracepath: ${target}: Temporary failure in name resolution\n`);
    return 1;
  }
  await trace(p, ns, dst, o);
  return 0;
};

async function trace(p: Process, ns: Netns, dst: Ipv4Addr, o: TracepathOpts): Promise<void> {
  const route = routeOutput(ns, { dst });
  let mtu = o.length;
  let doubleFirst = false;
  if (route.ok && route.value.mtu < mtu) {
    mtu = route.value.mtu;
    p.out(`${' 1?'}: ${'[LOCALHOST]'.padEnd(32)} pmtu ${mtu}\n`);
    doubleFirst = true;
  }
  let seq = 0;
  const srcPort = ns.sockets.ephemeralPort('udp');
  for (let ttl = 1; ttl <= o.maxHops; ttl++) {
    // After the local MTU probe, the first hop is reported for two probes, whatever it answers.
    let want = ttl === 1 && doubleFirst ? 2 : 1;
    let final: Extract<ProbeResult, { kind: 'answer' }> | undefined;
    let answered = false;
    for (let i = 0; i < 3 && want > 0; i++) {
      const r = await sendProbe(p, ns, { dst, ttl, srcPort, dstPort: o.port + seq++, length: mtu, timeoutUs: PROBE_TIMEOUT_US, df: true });
      if (r.kind === 'timeout') continue;
      if (r.kind === 'local-error') {
        p.out(`${String(ttl).padStart(2)}:  send failed\n`);
        return resume(p, mtu, undefined);
      }
      answered = true;
      want--;
      p.out(hopLine(p, o, ttl, r));
      if (r.type === ICMP_DEST_UNREACH) final = r;
    }
    if (final) return resume(p, mtu, final.code === 3 ? { to: ttl, from: backHops(final.replyTtl) } : undefined);
    if (!answered) p.out(`${String(ttl).padStart(2)}:  no reply\n`);
  }
  p.out(`     Too many hops: pmtu ${mtu}\n`);
  resume(p, mtu, undefined);
}

function hopLine(p: Process, o: TracepathOpts, ttl: number, r: Extract<ProbeResult, { kind: 'answer' }>): string {
  const rtt = `${Math.floor(r.rttUs / 1000).toString().padStart(3)}.${String(r.rttUs % 1000).padStart(3, '0')}ms `;
  const back = backHops(r.replyTtl);
  const reached = r.type === ICMP_DEST_UNREACH && r.code === 3;
  const extra = reached ? 'reached' : unreachMark(r.type, r.code);
  const asymm = r.type === ICMP_TIME_EXCEEDED && back !== ttl ? `asymm ${String(back).padStart(2)} ` : '';
  return `${String(ttl).padStart(2)}:  ${label(p, r.from, o).padEnd(HOST_COLUMN)}${rtt}${asymm}${extra}\n`;
}

function resume(p: Process, mtu: number, hops: { to: number; from: number } | undefined): void {
  p.out(`     Resume: pmtu ${mtu} ${hops ? `hops ${hops.to} back ${hops.from} ` : ''}\n`);
}

/** The hops back, guessed from the answer's TTL (64, 128 or 255 at its sender). */
function backHops(ttl: number): number {
  if (ttl <= 64) return 65 - ttl;
  if (ttl <= 128) return 129 - ttl;
  return 256 - ttl;
}

function label(p: Process, addr: Ipv4Addr, o: TracepathOpts): string {
  const ip = formatIpv4(addr);
  if (o.numeric) return ip;
  const name = hostName(p, addr) ?? '???';
  return o.both ? `${name} (${ip})` : name;
}
