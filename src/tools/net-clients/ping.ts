// Layer tools (net-clients): `ping`, iputils as the host ships it (ping/ping.c ping4_run's "PING" line,
// ping_common.c gather_statistics' reply lines and finish()'s statistics, the error-queue "From" lines,
// sendmsg / local-error messages per release). The PingEngine does the protocol; every line here is
// printed from its events as they happen. Exit status: 0, 1 (no reply or -w short of -c), 2 (setup).

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import { formatPingTime, gaiStrerror, icmpErrorText, PingEngine, type PingEvent, type PingStats } from '../../apps/index.js';
import type { Tool } from '../process.js';
import { clientEnv, resolverFor, strerror, type ClientEnv } from './host-env.js';
import { addressName, resolveName } from './lookup.js';
import { reverseHosts } from './name-info.js';
import { parsePingArgs, type PingArgs } from './ping-args.js';

/** ICMP_MAX_DATALEN: 65535 - 20 - 8. */
const ICMP_MAX_DATALEN = 65507;
const SIGINT_STATUS = 130;

export const ping: Tool = async (p) => {
  const env = clientEnv(p);
  if (!env) {
    p.err('ping: socket: Address family not supported by protocol\n');
    return 2;
  }
  const parsed = parsePingArgs(p.argv.slice(1), env.libc, env.iputils);
  if (!parsed.ok) {
    p.out(parsed.stdout);
    p.err(parsed.stderr);
    return parsed.exitCode;
  }
  const a = parsed.args;
  p.err(a.warnings);
  // fill() prints the pattern as it parses -p, before anything else (and not with -q).
  if (a.pattern !== undefined && !a.isQuiet) p.out(`PATTERN: 0x${a.pattern.map((b) => b.toString(16).padStart(2, '0')).join('')}\n`);
  if (env.iputils === '20240905' && (a.size ?? 0) > ICMP_MAX_DATALEN) {
    p.err(`ping: invalid -s value: '${a.size}': out of range: 0 <= value <= ${ICMP_MAX_DATALEN}\n`);
    return 1;
  }
  const target = await resolveTarget(p, env, a);
  if (typeof target === 'number') return target;
  const names = new Map<Ipv4Addr, string | undefined>();
  if (!target.isNumeric) {
    const n = await addressName(p, env, target.dst);
    if (n === 'interrupted') return SIGINT_STATUS;
    names.set(target.dst, n);
  }
  const prAddr = (addr: Ipv4Addr): string => {
    const text = formatIpv4(addr);
    if (target.isNumeric) return text;
    const name = names.has(addr) ? names.get(addr) : reverseHosts(env.hosts, addr);
    return name !== undefined && name !== text ? `${name} (${text})` : text;
  };
  const stamp = (): string => (a.isTimestamped ? `[${timestamp(p.lab.spec.clock.startUnixMs * 1000 + p.lab.nowUs)}] ` : '');
  let exitCode: number | undefined;
  const onEvent = (e: PingEvent): void => {
    switch (e.kind) {
      case 'start': {
        const from = e.source !== undefined ? `from ${formatIpv4(e.source)} ${e.device ?? ''}: ` : '';
        return p.out(`PING ${target.hostname} (${formatIpv4(target.dst)}) ${from}${e.dataBytes}(${e.dataBytes + 28}) bytes of data.\n`);
      }
      case 'reply':
        if (!a.isQuiet) p.out(`${stamp()}${replyLine(e, prAddr(e.from), a)}\n`);
        return;
      case 'error':
        if (!a.isQuiet) p.out(`${stamp()}From ${prAddr(e.from)} icmp_seq=${e.seq} ${icmpErrorText(e.type, e.code, e.info)}\n`);
        return;
      case 'outstanding':
        return p.out(`${stamp()}no answer yet for icmp_seq=${e.seq}\n`);
      case 'send-error':
        if (a.isQuiet || e.report === 'none') return;
        return p.err(e.report === 'sendmsg' ? `ping: sendmsg: ${strerror(env.libc, e.errno)}\n` : `ping: local error: message too long, mtu=${e.mtu ?? 0}\n`);
      case 'done':
        p.out(statistics(target.hostname, e.stats));
        exitCode = e.exitCode;
        return;
    }
  };
  const engine = new PingEngine(env.netns, engineOptions(p, env, a, target.dst), onEvent);
  const setupError = engine.start();
  if (setupError) {
    p.err(`ping: ${setupError.call}: ${strerror(env.libc, setupError.errno)}\n`);
    return setupError.exitCode;
  }
  p.onInterrupt(() => engine.interrupt());
  await p.until(() => exitCode !== undefined);
  return exitCode ?? 1;
};

interface Target {
  readonly dst: Ipv4Addr;
  /** rts->hostname: the address as typed, or getaddrinfo's canonical name. */
  readonly hostname: string;
  readonly isNumeric: boolean;
}

/** main()'s getaddrinfo and ping4_run's inet_aton; a number is the exit status on failure. */
async function resolveTarget(p: Parameters<Tool>[0], env: ClientEnv, a: PingArgs): Promise<Target | number> {
  const ip = parseIpv4(a.target);
  if (ip !== undefined) return { dst: ip, hostname: a.target, isNumeric: true };
  const r = await resolveName(p, resolverFor(env), a.target);
  if (r === undefined) return SIGINT_STATUS;
  if (!r.ok) {
    p.err(`ping: ${a.target}: ${r.text}\n`);
    return 2;
  }
  const dst = r.v4[0];
  if (dst === undefined) {
    p.err(`ping: ${a.target}: ${gaiStrerror(env.libc, 'EAI_NODATA')}\n`);
    return 2;
  }
  return { dst, hostname: r.canonName, isNumeric: a.isNumeric };
}

function engineOptions(p: Parameters<Tool>[0], env: ClientEnv, a: PingArgs, dst: Ipv4Addr): ConstructorParameters<typeof PingEngine>[1] {
  const { count, intervalMs, deadlineS, lingerUs, ttl, tos, pmtudisc, size, iface, source, mark, reportOutstanding, pattern } = a;
  const set = Object.entries({ count, intervalMs, deadlineS, lingerUs, ttl, tos, pmtudisc, size, iface, source, mark, reportOutstanding, pattern }).filter(([, v]) => v !== undefined);
  return { dst, ident: p.host.nextPid(), release: env.iputils, epochMs: p.lab.spec.clock.startUnixMs, isRttPrecise: a.isRttPrecise, ...Object.fromEntries(set) };
}

/** gather_statistics' line, without the newline. */
function replyLine(e: Extract<PingEvent, { kind: 'reply' }>, from: string, a: PingArgs): string {
  let s = `${e.bytes} bytes from ${from}: icmp_seq=${e.seq} ttl=${e.ttl}`;
  if (e.isTruncated) return `${s} (truncated)`;
  if (e.rttUs !== undefined) s += ` time=${formatPingTime(e.rttUs, { precise: a.isRttPrecise })} ms`;
  if (e.isDup) s += ' (DUP!)';
  if (e.isBadChecksum) s += ' (BAD CHECKSUM!)';
  if (e.isWrongSource) s += ' (DIFFERENT ADDRESS!)';
  return s;
}

/** finish(): a blank line, the header, the counts, then the rtt/pipe/ipg line (empty when none apply). */
function statistics(hostname: string, s: PingStats): string {
  let counts = `${s.transmitted} packets transmitted, ${s.received} received`;
  if (s.duplicates) counts += `, +${s.duplicates} duplicates`;
  if (s.corrupted) counts += `, +${s.corrupted} corrupted`;
  if (s.errors) counts += `, +${s.errors} errors`;
  if (s.timeMs !== undefined) counts += `, ${s.lossText}% packet loss, time ${s.timeMs}ms`;
  const tail = [s.rtt ? `rtt min/avg/max/mdev = ${s.rtt.text} ms` : '', s.pipe !== undefined ? `pipe ${s.pipe}` : '', s.ipg ? `ipg/ewma ${s.ipg.text} ms` : ''].filter((x) => x !== '');
  return `\n--- ${hostname} ping statistics ---\n${counts}\n${tail.join(', ')}\n`;
}

/** print_timestamp: "[sec.usec]". */
function timestamp(us: number): string {
  return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
}
