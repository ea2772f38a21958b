// `hubble observe` and `hubble status` on the week-4 lab: without `cilium hubble port-forward` the gRPC dial
// fails as grpc-go words it, naming the last address /etc/hosts gave for localhost; with it, the native-mode
// ping to k8s-w0's pod shows only "to-network FORWARDED" (the router loses it), and a curl in VXLAN mode
// shows the lab-spec's line: `default/curl-pod:40332 (ID:23926) -> default/webpod-...:80 (ID:12438)
// to-overlay FORWARDED (TCP Flags: SYN)` (lab-spec §5).

import { describe, expect, test } from 'vitest';
import { PingEngine } from '../../../src/apps/index.js';
import { HubbleObserver } from '../../../src/observe/index.js';
import { hubble } from '../../../src/tools/hubble/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { ping, switchToVxlan, webpodOn, week4 } from '../../support/week4.js';
import { curl, portForward } from '../../observe/lab-runs.js';

const HOSTS_V4 = '127.0.0.1 localhost\n127.0.1.1 vagrant\n';
const HOSTS_V6 = '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n';

describe('hubble without a port-forward', () => {
  const lab = week4();

  test('observe: connection refused on the last address tried', async () => {
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 }), ['hubble', 'observe']);
    expect(r).toEqual({ stdout: '', stderr: 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:4245: connect: connection refused"\n', exitCode: 1 });
  });

  test('status: the same error behind "failed getting status"; ::1 is tried last when /etc/hosts names it', async () => {
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V6 }), ['hubble', 'status']);
    expect(r.stderr).toBe('failed getting status: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp [::1]:4245: connect: connection refused"\n');
    expect(r.exitCode).toBe(1);
  });

  test('-P forwards to hubble-relay itself: no port-forward needed', async () => {
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 }), ['hubble', 'status', '-P']);
    expect(r.stdout).toMatch(/^Healthcheck \(via 127\.0\.0\.1:4245\): Ok\n/);
    expect(r.exitCode).toBe(0);
  });

  test('flag errors in pflag and hubble words', async () => {
    const host = hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 });
    const run = async (...args: string[]) => (await runTool(lab, hubble, host, ['hubble', 'observe', ...args])).stderr;
    expect(await run('--bogus')).toBe('unknown flag: --bogus\n');
    expect(await run('--last')).toBe('flag needs an argument: --last\n');
    expect(await run('--last', 'x')).toBe('invalid argument "x" for "--last" flag: strconv.ParseUint: parsing "x": invalid syntax\n');
    expect(await run('--verdict', 'LOST')).toBe('invalid --verdict value: LOST\n');
    expect(await run('-o', 'yaml')).toBe('invalid output format: yaml\n');
    expect(await run('--to-pod', 'a', '--namespace', 'b')).toBe('filters --to-pod and --namespace cannot be combined\n');
    expect(await run('--not')).toBe('trailing --not found in the arguments\n');
  });
});

describe('hubble observe through the port-forward', () => {
  test('native mode: the ping to k8s-w0 leaves k8s-ctr (to-network) and is never seen again', async () => {
    const lab = week4();
    HubbleObserver.of(lab);
    const stop = portForward(lab);
    ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w0'), { count: 2, deadlineS: 1 });
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 }), ['hubble', 'observe', '--pod', 'curl-pod', '--protocol', 'icmp']);
    stop();
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Aug {2}3 \d\d:\d\d:\d\d\.\d{3}: default\/curl-pod \(ID:\d+\) -> default\/webpod-[a-z0-9]+-[a-z0-9]{5} \(ID:\d+\) to-network FORWARDED \(ICMPv4 EchoRequest\)$/);
  });

  test('VXLAN mode: curl webpod shows the lab-spec line, SYN to-overlay, and the reply', async () => {
    const lab = week4();
    HubbleObserver.of(lab);
    switchToVxlan(lab);
    const stop = portForward(lab);
    const host = hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 });
    let out = '';
    for (let i = 0; i < 12 && !/to-overlay FORWARDED \(TCP Flags: SYN\)/.test(out); i++) {
      expect(curl(lab, 'curl-pod', 'webpod')).toBe(0);
      out = (await runTool(lab, hubble, host, ['hubble', 'observe', '--pod', 'curl-pod', '--protocol', 'tcp', '--last', '1000'])).stdout;
    }
    stop();
    const norm = (s: string) => s.replace(/^\w{3} +\d+ [\d:.]+:/, 'TIME:').replace(/:\d{4,5} /g, ':PORT ').replace(/ID:\d+/g, 'ID:N').replace(/webpod-[a-z0-9]+-[a-z0-9]{5}/g, 'webpod-X');
    const spec = 'Aug  3 00:02:26.403: default/curl-pod:40332 (ID:23926) -> default/webpod-697b545f57-76lt6:80 (ID:12438) to-overlay FORWARDED (TCP Flags: SYN)';
    expect(out.split('\n').map(norm)).toContain(norm(spec));
    expect(out).toMatch(/default\/curl-pod:\d+ \(ID:\d+\) <- default\/webpod-[a-z0-9]+-[a-z0-9]{5}:80 \(ID:\d+\) to-endpoint FORWARDED \(TCP Flags: SYN, ACK\)/);
  });

  test('-f prints flows as they happen until Ctrl-C; --since 1s leaves out older ones', async () => {
    const lab = week4();
    HubbleObserver.of(lab);
    const stop = portForward(lab);
    const host = hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 });
    ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { count: 1 });
    lab.runFor(3_000_000);
    const recent = await runTool(lab, hubble, host, ['hubble', 'observe', '--since', '1s']);
    expect(recent.stdout).toBe('');
    lab.scheduler.after(500_000, () => void new PingEngine(lab.netns('curl-pod'), { dst: webpodOn(lab, 'k8s-w0'), ident: 9, count: 1 }, () => undefined).start());
    const r = await runTool(lab, hubble, host, ['hubble', 'observe', '-f', '--pod', 'curl-pod', '--type', 'trace:to-network', '-o', 'dict'], { interruptAfterUs: 3_000_000 });
    stop();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}TIMESTAMP: Aug {2}3 [\d:.]+\n {5}SOURCE: default\/curl-pod\n(DESTINATION): default\/webpod-\S+\n {7}TYPE: to-network\n {4}VERDICT: FORWARDED\n {4}SUMMARY: ICMPv4 EchoRequest\n$/);
  });

  test('status counts the flows of the three nodes', async () => {
    const lab = week4();
    HubbleObserver.of(lab);
    ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { count: 1 });
    const stop = portForward(lab);
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', { '/etc/hosts': HOSTS_V4 }), ['hubble', 'status']);
    stop();
    expect(r.stdout).toMatch(/^Healthcheck \(via localhost:4245\): Ok\nCurrent\/Max Flows: \d+\/12,285 \(\d+\.\d\d%\)\nFlows\/s: \d+\.\d\d\nConnected Nodes: 3\/3\n$/);
  });
});
