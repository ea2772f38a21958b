// Layer tools (net-clients): iputils ping's command line (ping/ping.c main: getopt with
// "h?4bRT:6F:N:3aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:", strtol_or_err / ping_strtod checks and
// their messages, exit status 2 for usage, 1 for out-of-range numbers). 20240117 (Ubuntu) has no -3.

import { parseIpv4 } from '../../addr/index.js';
import type { IputilsRelease, PingOptions } from '../../apps/index.js';
import type { PmtuDisc } from '../../net/ip-send.js';
import { getopt } from './getopt.js';
import type { Libc } from './host-env.js';

/** The run's settings (as PingOptions names them) plus what only the printing needs. */
export interface PingArgs extends Pick<PingOptions, 'count' | 'intervalMs' | 'deadlineS' | 'lingerUs' | 'ttl' | 'tos' | 'pmtudisc' | 'size' | 'iface' | 'source' | 'mark' | 'reportOutstanding' | 'pattern'> {
  readonly target: string;
  readonly isQuiet: boolean;
  readonly isNumeric: boolean;
  readonly isRttPrecise: boolean;
  readonly isTimestamped: boolean;
  /** ping_strtod's "option argument contains garbage" warnings, already formatted for stderr. */
  readonly warnings: string;
}

/** Either the settings, or what ping printed before it exited. */
export type PingArgsResult = { readonly ok: true; readonly args: PingArgs } | { readonly ok: false; readonly stdout: string; readonly stderr: string; readonly exitCode: number };

const LONG_MAX = '9223372036854775807';
const INT_MAX = 2147483647;

class PingExit {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
    readonly stdout = '',
  ) {}
}

export function parsePingArgs(args: readonly string[], libc: Libc, release: IputilsRelease): PingArgsResult {
  const optstring = `h?4bRT:6F:N:${release === '20240905' ? '3' : ''}aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:`;
  const g = getopt('ping', args, optstring, libc);
  try {
    if (g.error !== undefined) throw new PingExit(`${g.error}\n${pingUsage(release)}`, 2);
    const a: { -readonly [K in keyof PingArgs]?: PingArgs[K] } = { isQuiet: false, isNumeric: false, isRttPrecise: false, isTimestamped: false, warnings: '' };
    const seconds = (v: string, what: string): number => {
      const r = parseSeconds(v, what);
      a.warnings += r.warning;
      return r.value;
    };
    for (const [c, v = ''] of g.opts) {
      switch (c) {
        case 'c': a.count = intArg(v, 1, Number(LONG_MAX), LONG_MAX); break;
        case 'i': a.intervalMs = Math.trunc(seconds(v, 'bad timing interval') * 1000); break;
        case 'W': a.lingerUs = Math.trunc(seconds(v, 'bad linger time') * 1000) * 1000; break;
        case 'w': a.deadlineS = intArg(v, 0, INT_MAX); break;
        case 't': a.ttl = intArg(v, 0, 255); break;
        case 's': a.size = intArg(v, 0, INT_MAX); break;
        case 'm': a.mark = intArg(v, 0, 4294967295); break;
        case 'Q': a.tos = tosArg(v); break;
        case 'M': a.pmtudisc = pmtuArg(v); break;
        case 'I': {
          const ip = parseIpv4(v);
          if (ip !== undefined) a.source = ip;
          else a.iface = v;
          break;
        }
        case 'q': a.isQuiet = true; break;
        case 'n': case 'f': a.isNumeric = true; break;
        case '3': a.isRttPrecise = true; break;
        case 'D': a.isTimestamped = true; break;
        case 'O': a.reportOutstanding = true; break;
        case 'p': a.pattern = patternArg(v); break;
        case 'h': case '?': throw new PingExit(pingUsage(release), 2);
        default: break;
      }
    }
    const target = g.operands[g.operands.length - 1];
    // The status of a missing destination went from 1 to 2 after 20240117.
    if (target === undefined) throw new PingExit('ping: usage error: Destination address required\n', release === '20240905' ? 2 : 1);
    if (g.operands.length > 1) throw new PingExit(pingUsage(release), 2);
    return { ok: true, args: { ...a, target } as PingArgs };
  } catch (e) {
    if (e instanceof PingExit) return { ok: false, stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode };
    throw e;
  }
}

/** ping_common.c fill(): hex digits only, read as sscanf's up to sixteen "%2x". */
function patternArg(v: string): number[] {
  const bad = v.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new PingExit(`ping: patterns must be specified as hex digits: ${v.slice(bad)}\n`, 2);
  return (v.match(/[0-9a-fA-F]{1,2}/g) ?? []).slice(0, 16).map((h) => parseInt(h, 16));
}

/** strtol_or_err(optarg, "invalid argument", min, max). */
function intArg(v: string, min: number, max: number, maxText = String(max)): number {
  if (!/^\s*[+-]?\d+$/.test(v)) throw new PingExit(`ping: invalid argument: '${v}'\n`, 1);
  const n = Number(v.trim());
  if (n < min || n > max) throw new PingExit(`ping: invalid argument: '${v}': out of range: ${min} <= value <= ${maxText}\n`, 1);
  return n;
}

/** ping_strtod plus the range check of -i and -W (seconds, at most INT_MAX / 1000); trailing garbage only warns. */
function parseSeconds(v: string, what: string): { value: number; warning: string } {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(v);
  const n = m ? Number(m[0].trim()) : 0;
  if (v === '') throw new PingExit(`ping: ${what}: ${v}\n`, 2);
  const garbage = m ? v.slice(m[0].length) : v;
  const warning = garbage !== '' ? `ping: option argument contains garbage: ${garbage}\nping: this will become fatal error in the future\n` : '';
  if (n < 0 || n > INT_MAX / 1000) throw new PingExit(`${warning}ping: ${what}: ${v}\n`, 2);
  return { value: n, warning };
}

function tosArg(v: string): number {
  const n = /^0x/i.test(v) ? Number.parseInt(v.slice(2), 16) : Number(v);
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(v) || Number.isNaN(n)) throw new PingExit(`ping: bad TOS value: ${v}\n`, 2);
  if (n > 255) throw new PingExit(`ping: the decimal value of TOS bits must be in range 0-255: ${n}\n`, 2);
  return n;
}

function pmtuArg(v: string): PmtuDisc {
  // IP_PMTUDISC_PROBE sets DF like "do" (it only ignores the learned path MTU).
  if (v === 'do' || v === 'probe') return 'do';
  if (v === 'dont' || v === 'want') return v;
  throw new PingExit(`ping: invalid -M argument: ${v}\n`, 2);
}

/** usage() in ping/ping_common.c; -3 arrived after 20240117. */
export function pingUsage(release: IputilsRelease): string {
  return release === '20240905' ? USAGE : USAGE.replace(/^  -3 .*\n/m, '');
}

const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      DNS name or IP address
  -3                 RTT precision (do not round up the result time)
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -H                 force reverse DNS name resolution (useful for numeric
                     destinations or for -f), override -n
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>
  -n                 no reverse DNS name resolution, override -H
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use IPv6 node info query, try <help> as argument

For more details see ping(8).
`;
