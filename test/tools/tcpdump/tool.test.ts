// tcpdump as a command in the lab: the seed's two captures on the router (native: eth1 In then eth0 Out;
// tunnel: OTV lines), the header and closing lines tcpdump prints and where (stderr; the newline after
// Ctrl-C on stdout), -c, -w/-r round trips, promiscuous mode on one interface, and the error texts and
// exit codes of bad options, interfaces and filters.

import { beforeAll, describe, expect, it } from 'vitest';
import { PingEngine } from '../../../src/apps/ping/ping-engine.js';
import type { PingOptions } from '../../../src/apps/ping/ping-options.js';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/tcpdump/index.js';
import { hostOf, runTool, type ToolRun } from '../../support/tool-harness.js';
import { switchToVxlan, webpodOn, week4 } from '../../support/week4.js';
import { USAGE_TEXT } from '../../../src/tools/tcpdump/tcpdump-text.js';

const tcpdump = commands['tcpdump'];
if (!tcpdump) throw new Error('no tcpdump command');

const HEADER_ANY = 'tcpdump: data link type LINUX_SLL2\ntcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlisting on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n'.replace('listing', 'listening');
const TIME = '\\d\\d:\\d\\d:\\d\\d\\.\\d{6}';

/** Starts a ping from a netns after `afterUs` of virtual time (the seed's second terminal). */
function pingLater(lab: Lab, from: string, opts: Partial<PingOptions> & Pick<PingOptions, 'dst'>, afterUs = 200_000): void {
  lab.scheduler.after(afterUs, () => void new PingEngine(lab.netns(from), { ident: 99, count: 1, deadlineS: 1, ...opts }, () => undefined).start());
}

async function capture(lab: Lab, argv: readonly string[], opts: { interruptAfterUs?: number; host?: string; files?: Record<string, string> } = {}): Promise<ToolRun> {
  return runTool(lab, tcpdump!, hostOf(lab, opts.host ?? 'router', opts.files), ['tcpdump', ...argv], opts.interruptAfterUs === undefined ? {} : { interruptAfterUs: opts.interruptAfterUs });
}

describe('tcpdump on the router, as the seed runs it', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4();
  });

  it('native routing: the ping to k8s-w0 comes in on eth1 and leaves by eth0; Ctrl-C prints the counts', async () => {
    pingLater(lab, 'curl-pod', { dst: webpodOn(lab, 'k8s-w0') });
    const r = await capture(lab, ['-i', 'any', 'icmp', '-nn'], { interruptAfterUs: 3_000_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`${HEADER_ANY}2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n`);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^${TIME} eth1  In  IP 172\\.20\\.0\\.\\d+ > 172\\.20\\.1\\.\\d+: ICMP echo request, id 99, seq 1, length 64$`));
    expect(lines[1]).toMatch(new RegExp(`^${TIME} eth0  Out IP 172\\.20\\.0\\.\\d+ > 172\\.20\\.1\\.\\d+: ICMP echo request, id 99, seq 1, length 64$`));
    expect(lines.slice(2)).toEqual(['', '']);
  });

  it('-c 1 ends after one packet, without the newline Ctrl-C prints', async () => {
    pingLater(lab, 'curl-pod', { dst: webpodOn(lab, 'k8s-w0') });
    const r = await capture(lab, ['-nni', 'any', '-c', '1', 'icmp']);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr.endsWith('1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n')).toBe(true);
  });

  it('-w writes a LINUX_SLL2 pcap and prints no packets; -r reads it back as the live capture printed', async () => {
    const files: Record<string, string> = {};
    const host = hostOf(lab, 'router', files);
    pingLater(lab, 'curl-pod', { dst: webpodOn(lab, 'k8s-w0') });
    const live = await runTool(lab, tcpdump, host, ['tcpdump', '-i', 'any', '-nn', '-w', '/root/a.pcap', '--print', 'icmp'], { interruptAfterUs: 2_000_000 });
    expect(live.stderr.split('\n')[1]).toBe('tcpdump: listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes');
    const read = await runTool(lab, tcpdump, host, ['tcpdump', '-nn', '-r', '/root/a.pcap']);
    expect(read.stderr).toBe('reading from file /root/a.pcap, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144\nWarning: interface names might be incorrect\n');
    expect(read.stdout).toBe(live.stdout);
    expect(read.exitCode).toBe(0);
    pingLater(lab, 'k8s-ctr', { dst: 0xc0a80ac8 as never });
    const quiet = await runTool(lab, tcpdump, host, ['tcpdump', '-i', 'eth1', '-w', '/root/b.pcap', '-c', '1']);
    expect(quiet.stdout).toBe('');
    expect(host.readFile('/root/b.pcap')?.slice(0, 4)).toBe('\xd4\xc3\xb2\xa1');
  });

  it('one interface is EN10MB without direction, and held promiscuous (unless -p) while it captures', async () => {
    const eth1 = lab.netns('router').dev('eth1');
    lab.runFor(1_000_000); // the previous test's -c 1 capture left its ping's reply in flight
    pingLater(lab, 'k8s-ctr', { dst: 0xc0a80a65 as never });
    const r = await capture(lab, ['-i', 'eth1', '-nn', 'icmp', '-c', '2']);
    expect(r.stderr.split('\n')[1]).toBe('listening on eth1, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
    expect(r.stdout).toMatch(new RegExp(`^${TIME} IP 192\\.168\\.10\\.100 > 192\\.168\\.10\\.101: ICMP echo request, id 99, seq 1, length 64\\n${TIME} IP 192\\.168\\.10\\.101 > 192\\.168\\.10\\.100: ICMP echo reply`));
    expect(eth1?.isPromisc).toBe(false);
    pingLater(lab, 'k8s-ctr', { dst: 0xc0a80a65 as never });
    const p = await capture(lab, ['-p', '-i', 'eth1', '-nn', 'icmp'], { interruptAfterUs: 2_000_000 });
    expect(p.stdout).toBe('\n');
  });

  it('VXLAN: the seed\'s OTV lines, the inner packet on the next line', async () => {
    switchToVxlan(lab);
    pingLater(lab, 'curl-pod', { dst: webpodOn(lab, 'k8s-w0') });
    const r = await capture(lab, ['-i', 'any', 'udp', 'port', '8472', '-nn'], { interruptAfterUs: 3_000_000 });
    const lines = r.stdout.split('\n').filter((l) => l);
    expect(lines).toHaveLength(8);
    const otv = (dev: string, dir: string, src: string, dst: string) => new RegExp(`^${TIME} ${dev} +${dir} +IP ${src}\\.\\d+ > ${dst}\\.8472: OTV, flags \\[I\\] \\(0x08\\), overlay 0, instance \\d+$`);
    expect(lines[0]).toMatch(otv('eth1', 'In', '192\\.168\\.10\\.100', '192\\.168\\.20\\.100'));
    expect(lines[1]).toMatch(/^IP 172\.20\.0\.\d+ > 172\.20\.1\.\d+: ICMP echo request, id 99, seq 1, length 64$/);
    expect(lines[2]).toMatch(otv('eth2', 'Out', '192\\.168\\.10\\.100', '192\\.168\\.20\\.100'));
    expect(lines[4]).toMatch(otv('eth2', 'In', '192\\.168\\.20\\.100', '192\\.168\\.10\\.100'));
    expect(lines[5]).toMatch(/^IP 172\.20\.1\.\d+ > 172\.20\.0\.\d+: ICMP echo reply, id 99, seq 1, length 64$/);
    expect(lines[6]).toMatch(otv('eth1', 'Out', '192\\.168\\.20\\.100', '192\\.168\\.10\\.100'));
  });
});

describe('tcpdump errors', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4();
  });

  const cases: ReadonlyArray<readonly [readonly string[], string, string]> = [
    [['-i', 'eth9'], 'tcpdump: eth9: No such device exists\n(No such device exists)\n', ''],
    [['-i', 'any', 'udp', 'port'], "tcpdump: data link type LINUX_SLL2\ntcpdump: can't parse filter expression: syntax error\n", ''],
    [['-i', 'any', 'tcp', 'and', 'udp'], 'tcpdump: data link type LINUX_SLL2\ntcpdump: expression rejects all packets\n', ''],
    [['-i', 'eth1', 'host', 'nosuchhost'], "tcpdump: unknown host 'nosuchhost'\n", ''],
    [['-c', '0'], 'tcpdump: invalid packet count 0\n', ''],
    [['-s', 'abc'], 'tcpdump: invalid snaplen abc (must be >= 0 and <= 262144)\n', ''],
    [['-tttttt'], 'tcpdump: only -t, -tt, -ttt, -tttt and -ttttt are supported\n', ''],
    [['-Q', 'sideways'], "tcpdump: unknown capture direction `sideways'\n", ''],
    [['-k'], `tcpdump: invalid option -- 'k'\n${USAGE_TEXT}`, ''],
    [['-Z'], `tcpdump: option requires an argument -- 'Z'\n${USAGE_TEXT}`, ''],
    [['--i'], `tcpdump: option '--i' is ambiguous; possibilities: '--interface' '--immediate-mode'\n${USAGE_TEXT}`, ''],
    [['-r', '/root/nope.pcap'], 'tcpdump: /root/nope.pcap: No such file or directory\n', ''],
  ];
  for (const [argv, stderr, stdout] of cases) {
    it(`tcpdump ${argv.join(' ')}`, async () => {
      const r = await capture(lab, argv);
      expect([r.stderr, r.stdout, r.exitCode]).toEqual([stderr, stdout, 1]);
    });
  }

  it('-h and --version print to stdout and exit 0', async () => {
    expect(await capture(lab, ['-h'])).toEqual({ stdout: USAGE_TEXT, stderr: '', exitCode: 0 });
    expect((await capture(lab, ['--version'])).stdout).toBe('tcpdump version 4.99.4\nlibpcap version 1.10.4 (with TPACKET_V3)\nOpenSSL 3.0.13 30 Jan 2024\n');
  });

  it('a damaged savefile gets libpcap\'s message', async () => {
    const files = { '/root/empty.pcap': '', '/root/junk.pcap': 'hello\n' };
    expect((await capture(lab, ['-r', '/root/empty.pcap'], { files })).stderr).toBe('tcpdump: truncated dump file; tried to read 4 file header bytes, only got 0\n');
    expect((await capture(lab, ['-r', '/root/junk.pcap'], { files })).stderr).toBe('tcpdump: unknown file format\n');
    const cut = { '/root/cut.pcap': '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00' };
    expect((await capture(lab, ['-r', '/root/cut.pcap'], { files: cut })).stderr).toBe('tcpdump: truncated dump file; tried to read 24 file header bytes, only got 6\n');
  });

  it('an interface that goes away ends the capture with exit 1', async () => {
    const ns = lab.netns('router');
    const loop1 = ns.dev('loop1');
    if (!loop1) throw new Error('no loop1');
    lab.scheduler.after(500_000, () => ns.deleteDevice(loop1));
    const r = await capture(lab, ['-i', 'loop1']);
    expect(r.stderr.endsWith('tcpdump: pcap_loop: The interface disappeared\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n')).toBe(true);
    expect(r.exitCode).toBe(1);
  });
});
