// Test support: the real tcpdump and tshark. Pcaps are written to a temporary directory; tcpdump runs with
// TZ set to the lab's UTC offset and, where user namespaces allow it, inside a fresh network namespace whose
// interfaces carry the lab host's names and ifindexes (veth pairs), so LINUX_SLL2 records print "eth1"
// as in the lab. Without that, interface columns are compared after normalising them (and says so).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function which(names: readonly string[]): string | undefined {
  for (const n of names) {
    const r = spawnSync(n, ['--version'], { stdio: 'pipe' });
    if (r.status === 0) return n;
  }
  return undefined;
}

export const TCPDUMP = which(['/usr/bin/tcpdump', '/usr/sbin/tcpdump', '/usr/local/bin/tcpdump', '/usr/local/sbin/tcpdump']);
export const TSHARK = which(['/usr/bin/tshark', '/usr/local/bin/tshark']);

/** "tcpdump version 4.99.3" -> [4, 99, 3]. */
export const TCPDUMP_VERSION: readonly number[] = TCPDUMP
  ? (/tcpdump version (\d+)\.(\d+)\.(\d+)/.exec(execFileSync(TCPDUMP, ['--version']).toString())?.slice(1).map(Number) ?? [0, 0, 0])
  : [0, 0, 0];

/** tcpdump 4.99.6 dropped the OTV printer: UDP 8472 then prints as VXLAN. */
export const PRINTS_OTV = TCPDUMP_VERSION[0] === 4 && (TCPDUMP_VERSION[1] ?? 0) === 99 && (TCPDUMP_VERSION[2] ?? 0) <= 5;

export const SKIP_NO_TCPDUMP = TCPDUMP === undefined ? ' (skipped: no tcpdump binary on this machine)' : '';
export const SKIP_NO_TSHARK = TSHARK === undefined ? ' (skipped: no tshark binary on this machine)' : '';

export interface Interface {
  readonly name: string;
  readonly ifindex: number;
}

/** How to enter a fresh network namespace where veths can be made and tcpdump runs: as root, or in a user namespace. */
const UNSHARE: readonly string[] | undefined = [['-n'], ['-rn']].find((flags) => {
  const probe = 'ip link add name ulabtest index 7 type veth peer name ulabpeer index 10007 && tcpdump -Z root --version';
  return TCPDUMP !== undefined && spawnSync('unshare', [...flags, 'sh', '-c', probe], { stdio: 'pipe' }).status === 0;
});

/** Whether interface names print exactly as in the lab (else tests compare them normalised). */
export const EXACT_INTERFACES = UNSHARE !== undefined;

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ciliumlab-tcpdump-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A POSIX TZ for a fixed UTC offset: +540 minutes -> "LAB-9". */
export function posixTz(offsetMinutes: number): string {
  const sign = offsetMinutes > 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `LAB${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** Real `tcpdump FLAGS -r PCAP` as stdout lines, run where the interfaces exist when possible. */
export function realTcpdump(pcap: Uint8Array, flags: readonly string[], opts: { tzOffsetMinutes?: number; interfaces?: readonly Interface[] } = {}): string[] {
  return withTempDir((dir) => {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, pcap);
    const env = { ...process.env, TZ: posixTz(opts.tzOffsetMinutes ?? 0) };
    const cmd = [TCPDUMP ?? 'tcpdump', '-Z', 'root', ...flags, '-r', file].map(quote).join(' ');
    const links = (opts.interfaces ?? []).filter((i) => i.ifindex !== 1 && i.name !== 'lo').map((i) => `ip link add name ${quote(i.name)} index ${i.ifindex} type veth peer name p${i.ifindex} index ${10000 + i.ifindex}`);
    const script = UNSHARE ? ['ip link set lo up', ...links, cmd].join(' && ') : cmd;
    const args = UNSHARE ? [...UNSHARE, 'sh', '-c', script] : ['-c', script];
    const out = execFileSync(UNSHARE ? 'unshare' : 'sh', args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return out.toString().replace(/\n$/, '').split('\n');
  });
}

/** The interface column of -i any lines, for comparisons on machines without user namespaces. */
export function normaliseInterfaces(lines: readonly string[]): string[] {
  return EXACT_INTERFACES ? [...lines] : lines.map((l) => l.replace(/^(\S+ )(\S+) +(In|Out|B|M|P) +/, '$1IF $3 '));
}

/** tshark's complaints: malformed packets and bad IPv4/UDP/TCP/ICMP checksums (VXLAN on 8472 decoded too). */
export function tsharkProblems(pcap: Uint8Array): string[] {
  return withTempDir((dir) => {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, pcap);
    const filter = '_ws.malformed or ip.checksum.status == 0 or udp.checksum.status == 0 or tcp.checksum.status == 0 or icmp.checksum.status == 0 or _ws.expert.severity >= 8388608';
    const args = ['-r', file, '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-d', 'udp.port==8472,vxlan', '-Y', filter];
    const out = execFileSync(TSHARK ?? 'tshark', args, { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
    return out.toString().split('\n').filter((l) => l.trim());
  });
}

/** Which records (numbered by their tsSec) real tcpdump's filter selects, or its error message. */
export function realSelection(file: string, expression: string): number[] | string {
  const r = spawnSync(TCPDUMP ?? 'tcpdump', ['-Z', 'root', '-nn', '-tt', '-r', file, expression], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0) return String(r.stderr).split('\n').find((l) => l.startsWith('tcpdump: '))?.slice(9) ?? `exit ${r.status}`;
  return String(r.stdout).split('\n').filter((l) => /^\d+\.\d{6} /.test(l)).map((l) => Number(l.split('.')[0]));
}
