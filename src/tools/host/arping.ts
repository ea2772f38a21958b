// Layer tools (host): Thomas Habets' `arping` 2.x (the Ubuntu `arping` package the lab installs):
// `arping [-c N] [-i IF] [-w SEC] [-q] IP` sends a broadcast ARP request a second, prints each reply
// ("42 bytes from MAC (IP): index=N time=T usec"), "Timeout" for silence, and the statistics; status 0 if
// anything answered. Frames go out through the device and replies are read off it, like a packet socket.

import { formatIpv4, formatMac, MAC_BROADCAST, MAC_ZERO, parseIpv4, type Ipv4Addr, type MacAddr } from '../../addr/index.js';
import { frameWith, L3_OFF, setMacs } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Netns } from '../../net/netns.js';
import { routeOutput } from '../../net/route-output.js';
import { newMeta } from '../../net/skb.js';
import { ARPOP_REPLY, ARPOP_REQUEST, ETH_P_ARP, arp, arpOp, arpSha, arpSpa, emitArp, ethType } from '../../wire/index.js';
import type { Process, Tool } from '../process.js';

const INTERVAL_US = 1_000_000;

const USAGE = `ARPing 2.24, by Thomas Habets <thomas@habets.se>
usage: arping [ -0aAbdDeFpPqrRuUvzZ ] [ -w <sec> ] [ -W <sec> ] [ -S <host/ip> ]
              [ -T <host/ip ] [ -s <MAC> ] [ -t <MAC> ] [ -c <count> ]
              [ -C <count> ] [ -i <interface> ] [ -m <type> ] [ -g <group> ]
              [ -V <vlan> ] [ -Q <priority> ] <host/ip/MAC | -B>
For complete usage info, use --help or check the manpage.
`;

interface Reply {
  readonly mac: MacAddr;
  readonly bytes: number;
  readonly atUs: number;
}

/** Habets' time format: usec below a millisecond, msec below a second. */
function fmtTime(us: number): string {
  if (us < 1000) return `${us.toFixed(3)} usec`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(3)} msec`;
  return `${(us / 1_000_000).toFixed(3)} sec`;
}

export const arping: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const args = p.argv.slice(1);
  let count = Infinity;
  let deadlineUs = Infinity;
  let ifname: string | undefined;
  let quiet = false;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-c') count = Number(args[++i]);
    else if (a === '-w') deadlineUs = Number(args[++i]) * 1_000_000;
    else if (a === '-i' || a === '-I') ifname = args[++i];
    else if (a === '-q') quiet = true;
    else if (!a.startsWith('-')) target = a;
  }
  const dst = target === undefined ? undefined : parseIpv4(target);
  if (dst === undefined) {
    p.out(USAGE);
    return 1;
  }
  const dev = ifname !== undefined ? ns.dev(ifname) : routeDevice(ns, dst);
  if (!dev) {
    p.err(`arping: libnet_init(LIBNET_LINK, ${ifname ?? ''}): libnet_check_iface() ioctl: No such device\n`);
    return 1;
  }
  const src = dev.addrs.find((a) => !a.secondary)?.local ?? (0 as Ipv4Addr);
  return run(p, ns, dev, src, dst, { count, deadlineUs, quiet });
};

function routeDevice(ns: Netns, dst: Ipv4Addr): NetDevice | undefined {
  const r = routeOutput(ns, { dst });
  return r.ok ? r.value.dev : undefined;
}

async function run(p: Process, ns: Netns, dev: NetDevice, src: Ipv4Addr, dst: Ipv4Addr, o: { count: number; deadlineUs: number; quiet: boolean }): Promise<number> {
  const target = formatIpv4(dst);
  if (!o.quiet) p.out(`ARPING ${target}\n`);
  let replies: Reply[] = [];
  const stop = p.lab.ctx.trace.on('packet', (e) => {
    if (e.netns !== ns || e.dev !== dev || e.dir !== 'in' || ethType(e.data) !== ETH_P_ARP) return;
    if (arpOp(e.data, L3_OFF) === ARPOP_REPLY && arpSpa(e.data, L3_OFF) === dst) replies.push({ mac: arpSha(e.data, L3_OFF), bytes: e.data.length, atUs: e.timeUs });
  });
  let interrupted = false;
  p.onInterrupt(() => (interrupted = true));
  const startUs = ns.now;
  const rtts: number[] = [];
  let sent = 0;
  let extra = 0;
  while (sent < o.count && !interrupted && ns.now - startUs < o.deadlineUs) {
    const sentUs = ns.now;
    replies = [];
    sendRequest(p, ns, dev, src, dst);
    const index = sent++;
    await p.until(() => interrupted || replies.length > 0, INTERVAL_US);
    const first = replies[0];
    if (first) {
      rtts.push(first.atUs - sentUs);
      if (!o.quiet) p.out(`${first.bytes} bytes from ${formatMac(first.mac)} (${target}): index=${index} time=${fmtTime(first.atUs - sentUs)}\n`);
      if (sent < o.count && !interrupted) await p.sleep(Math.max(0, INTERVAL_US - (ns.now - sentUs)));
      extra += replies.length - 1;
    } else if (!interrupted && !o.quiet) p.out('Timeout\n');
  }
  stop();
  if (!o.quiet) p.out(statistics(target, sent, rtts, extra));
  return rtts.length > 0 ? 0 : 1;
}

function sendRequest(p: Process, ns: Netns, dev: NetDevice, src: Ipv4Addr, dst: Ipv4Addr): void {
  const frame = frameWith(emitArp(arp({ op: ARPOP_REQUEST, sha: dev.mac, spa: src, tha: MAC_ZERO, tpa: dst })), ETH_P_ARP);
  setMacs(frame, MAC_BROADCAST, dev.mac);
  ns.devQueueXmit(dev, { data: frame, meta: newMeta(p.lab.ctx.nextTraceId()) });
}

function statistics(target: string, sent: number, rtts: readonly number[], extra: number): string {
  const recv = rtts.length;
  const lost = sent === 0 ? 0 : Math.round((100 * (sent - recv)) / sent);
  let s = `\n--- ${target} statistics ---\n${sent} packets transmitted, ${recv} packets received, ${String(lost).padStart(3)}% unanswered (${extra} extra)\n`;
  if (recv) {
    const ms = rtts.map((u) => u / 1000);
    const avg = ms.reduce((a, b) => a + b, 0) / recv;
    const sd = Math.sqrt(ms.reduce((a, b) => a + (b - avg) ** 2, 0) / recv);
    s += `rtt min/avg/max/std-dev = ${Math.min(...ms).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...ms).toFixed(3)}/${sd.toFixed(3)} ms`;
  }
  return s + '\n';
}
