// ping as users run it in the week-4 lab, against the seed's lines and the real iputils transcripts in
// test/golden/kernel/*/ping.txt. Normalised: RTTs ("time=<rtt>", "rtt ... = <rtt>") and the statistics'
// "time Nms" where a real run adds scheduling jitter (the seed's 1019ms for two probes a second apart).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/addr/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, webpodOn, week4 } from '../../support/week4.js';

const ping = commands['ping'] ?? (() => Promise.resolve(127));

function rtt(text: string): string {
  return text.replace(/time=[\d.]+ ms/g, 'time=<rtt> ms').replace(/= [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/g, '= <rtt> ms');
}

/** The golden block for a command, as stdout+stderr the way the capture script merged them. */
function golden(mode: 'native' | 'tunnel', cmd: string): { text: string; rc: number } {
  const file = readFileSync(new URL(`../../golden/kernel/${mode}/ping.txt`, import.meta.url), 'utf8');
  const block = file.split('### ').find((b) => b.startsWith(cmd));
  if (!block) throw new Error(`no golden block for ${cmd}`);
  const lines = block.split('\n').slice(1);
  const rcLine = lines.findIndex((l) => l.startsWith('rc='));
  return { text: `${lines.slice(0, rcLine).join('\n')}\n`, rc: Number(lines[rcLine]?.slice(3)) };
}

describe('ping in native routing mode (the seed, before VXLAN)', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4();
  });

  it('ping -c 1 10.10.1.200 from k8s-ctr: one reply, ttl 64, the golden layout', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-c', '1', '10.10.1.200']);
    const g = golden('native', 'ctr: ping -c 1 10.10.1.200');
    expect(rtt(r.stdout)).toBe(rtt(g.text));
    expect(r.exitCode).toBe(g.rc);
  });

  it('ping -c 1 192.168.20.100 from k8s-ctr: ttl 63 through the router', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-c', '1', '192.168.20.100']);
    expect(rtt(r.stdout)).toBe(rtt(golden('native', 'ctr: ping -c 1 192.168.20.100').text));
  });

  it('ping -c 2 -w 1 -W 1 $WEBPOD (k8s-w0): no reply, 1 transmitted, exit 1 — golden and seed', async () => {
    const webpod = formatIpv4(webpodOn(lab, 'k8s-w0'));
    const r = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-c', '2', '-w', '1', '-W', '1', webpod]);
    const g = golden('native', 'pcurl: ping -c 2 -w 1 -W 1 172.20.1.224');
    expect(r.stdout).toBe(g.text.replaceAll('172.20.1.224', webpod));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
  });
});

describe('ping in tunnel mode (the seed, after VXLAN)', () => {
  let lab: Lab;
  let webpod: string;
  beforeAll(() => {
    lab = week4();
    switchToVxlan(lab);
    webpod = formatIpv4(webpodOn(lab, 'k8s-w0'));
  });

  it('ping -c 2 -w 1 -W 1 $WEBPOD: one reply then the deadline, exit 1 (seed: ttl=63)', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-c', '2', '-w', '1', '-W', '1', webpod]);
    expect(rtt(r.stdout)).toBe(
      [`PING ${webpod} (${webpod}) 56(84) bytes of data.`, `64 bytes from ${webpod}: icmp_seq=1 ttl=63 time=<rtt> ms`, '', `--- ${webpod} ping statistics ---`, '1 packets transmitted, 1 received, 0% packet loss, time 0ms', 'rtt min/avg/max/mdev = <rtt> ms', ''].join('\n'),
    );
    expect(r.exitCode).toBe(1);
  });

  it('netshoot: ping -M do -s 1500 $WEBPOD, Ctrl-C after 1.5 s: "ping: sendmsg: Message too large" twice, +2 errors', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-M', 'do', '-s', '1500', webpod], { interruptAfterUs: 1_500_000 });
    expect(r.stdout).toBe([`PING ${webpod} (${webpod}) 1500(1528) bytes of data.`, '', `--- ${webpod} ping statistics ---`, '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms', '', ''].join('\n'));
    expect(r.stderr).toBe('ping: sendmsg: Message too large\nping: sendmsg: Message too large\n');
    expect(r.exitCode).toBe(1);
  });

  it('ping -M do -s 1423: four errors after 3.5 s; -s 1422: "1430 bytes from", rtt line, exit 0', async () => {
    const big = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-M', 'do', '-s', '1423', webpod], { interruptAfterUs: 3_500_000 });
    expect(big.stdout).toContain(`PING ${webpod} (${webpod}) 1423(1451) bytes of data.\n`);
    expect(big.stdout).toContain('4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 3000ms\n');
    expect(big.stderr.split('\n').filter((l) => l !== '')).toEqual(Array(4).fill('ping: sendmsg: Message too large'));
    const ok = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-M', 'do', '-s', '1422', webpod], { interruptAfterUs: 1_500_000 });
    expect(rtt(ok.stdout).replace(/time 100\dms/, 'time 100Xms')).toBe(
      [`PING ${webpod} (${webpod}) 1422(1450) bytes of data.`, `1430 bytes from ${webpod}: icmp_seq=1 ttl=63 time=<rtt> ms`, `1430 bytes from ${webpod}: icmp_seq=2 ttl=63 time=<rtt> ms`, '', `--- ${webpod} ping statistics ---`, '2 packets transmitted, 2 received, 0% packet loss, time 100Xms', 'rtt min/avg/max/mdev = <rtt> ms', ''].join('\n'),
    );
    expect(ok.exitCode).toBe(0);
  });

  it('Ubuntu (iputils 20240117) on k8s-ctr says "local error: message too long, mtu=1450" (golden tunnel)', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-M', 'do', '-s', '1500', '-c', '1', webpod]);
    const g = golden('tunnel', 'pcurl: ping -M do -s 1500 -c 1 172.20.1.224');
    expect(`${r.stdout.split('\n')[0]}\n${r.stderr}${r.stdout.split('\n').slice(1).join('\n')}`).toBe(g.text.replaceAll('172.20.1.224', webpod));
    expect(r.exitCode).toBe(1);
  });
});

describe('ping command line and names (iputils main(); messages as the real ping 20221126 prints them)', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4();
  });

  it.each([
    [['ping'], 'ping: usage error: Destination address required\n', 1],
    [['ping', '-c', '0', '10.10.1.200'], "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1],
    [['ping', '-c', 'abc', '10.10.1.200'], "ping: invalid argument: 'abc'\n", 1],
    [['ping', '-M', 'foo', '10.10.1.200'], 'ping: invalid -M argument: foo\n', 2],
    // The lab has no Internet: systemd-resolved's stub (127.0.0.53) is silent, so glibc says EAI_AGAIN.
    [['ping', '-c1', '-W1', 'nosuch.invalid'], 'ping: nosuch.invalid: Temporary failure in name resolution\n', 2],
  ] as const)('Ubuntu: %j', async (argv, stderr, rc) => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), argv);
    expect(r).toEqual({ stdout: '', stderr, exitCode: rc });
  });

  it('-x: getopt\'s message then usage, exit 2 (glibc "invalid option -- \'x\'", musl "unrecognized option: x")', async () => {
    const vm = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-x']);
    expect(vm.stderr.split('\n').slice(0, 3)).toEqual(["ping: invalid option -- 'x'", '', 'Usage']);
    const pod = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-x']);
    expect(pod.stderr.split('\n')[0]).toBe('ping: unrecognized option: x');
    expect([vm.exitCode, pod.exitCode]).toEqual([2, 2]);
  });

  it('netshoot (musl): NXDOMAIN is "Name does not resolve", exit 2; no destination is exit 2', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping', '-c', '1', 'nosuch.default.svc.cluster.local.']);
    expect(r.stderr).toBe('ping: nosuch.default.svc.cluster.local.: Name does not resolve\n');
    expect(r.exitCode).toBe(2);
    expect((await runTool(lab, ping, hostOf(lab, 'curl-pod'), ['ping'])).exitCode).toBe(2);
  });

  it('ping -c 1 router on k8s-ctr: the name through /etc/hosts, replies "from router (192.168.10.200)"', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr', { '/etc/hosts': '127.0.0.1 localhost\n192.168.10.200 router\n' }), ['ping', '-c', '1', 'router']);
    expect(rtt(r.stdout)).toBe(['PING router (192.168.10.200) 56(84) bytes of data.', '64 bytes from router (192.168.10.200): icmp_seq=1 ttl=64 time=<rtt> ms', '', '--- router ping statistics ---', '1 packets transmitted, 1 received, 0% packet loss, time 0ms', 'rtt min/avg/max/mdev = <rtt> ms', ''].join('\n'));
    const q = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-q', '-c', '2', '-i', '0.2', '192.168.10.200']);
    expect(q.stdout.split('\n').slice(0, 3)).toEqual(['PING 192.168.10.200 (192.168.10.200) 56(84) bytes of data.', '', '--- 192.168.10.200 ping statistics ---']);
    expect(q.stdout).toMatch(/\n2 packets transmitted, 2 received, 0% packet loss, time 20\dms\nrtt /);
  });

  it('-I eth1 names the source and device in the PING line', async () => {
    const r = await runTool(lab, ping, hostOf(lab, 'k8s-ctr'), ['ping', '-c', '1', '-I', 'eth1', '192.168.10.200']);
    expect(r.stdout.split('\n')[0]).toBe('PING 192.168.10.200 (192.168.10.200) from 192.168.10.100 eth1: 56(84) bytes of data.');
  });
});
