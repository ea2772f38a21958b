// `cilium-dbg monitor` in k8s-ctr's agent while curl-pod pings: a ping with TTL 1 dies in bpf_lxc's
// fib_redirect (DROP_TTL_EXCEEDED, no ICMP back) and shows as the monitor's drop line; a normal ping shows the
// trace lines, and `-t drop` keeps only the drops. Line shapes from pkg/monitor datapath_drop.go /
// datapath_trace.go DumpInfo: "xx drop (TTL exceeded) flow 0x... to endpoint 0, ifindex N, file bpf_lxc.c:L, ,
// identity A->unknown: src -> dst icmp EchoRequest" (identity 0 prints as "unknown") and "-> network flow 0x... , identity A->B state new ...".

import { describe, expect, test } from 'vitest';
import { PingEngine } from '../../../src/apps/ping/ping-engine.js';
import { HubbleObserver } from '../../../src/observe/index.js';
import { commands } from '../../../src/tools/cilium/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { hostOf, runTool, type ToolRun } from '../../support/tool-harness.js';
import { webpodOn, week4 } from '../../support/week4.js';
import { agentPod } from '../cilium/helpers.js';

/** `cilium-dbg ARGS` in k8s-ctr's agent pod, as `kubectl exec -n kube-system ds/cilium -c cilium-agent --` runs it. */
function monitorOnCtr(lab: Lab, argv: readonly string[], opts: { interruptAfterUs?: number } = {}): Promise<ToolRun> {
  const dbg = commands['cilium-dbg'];
  if (!dbg) throw new Error('cilium-dbg is not registered');
  return runTool(lab, dbg, hostOf(lab, agentPod(lab, 'k8s-ctr')), argv, opts);
}

function pingLater(lab: ReturnType<typeof week4>, dst: number, ttl?: number): void {
  lab.scheduler.after(100_000, () => {
    new PingEngine(lab.netns('curl-pod'), { dst: dst as never, ident: 7, count: 1, ...(ttl !== undefined ? { ttl } : {}) }, () => undefined).start();
  });
}

describe('cilium-dbg monitor', () => {
  test('a TTL 1 ping is dropped by bpf_lxc: the drop line', async () => {
    const lab = week4();
    HubbleObserver.of(lab);
    pingLater(lab, webpodOn(lab, 'k8s-w1'), 1);
    const r = await monitorOnCtr(lab, ['cilium-dbg', 'monitor', '-t', 'drop'], { interruptAfterUs: 2_000_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('Listening for events on 2 CPUs with 64x4096 of shared memory\nPress Ctrl-C to quit\n\nReceived an interrupt, disconnecting from monitor...\n\n');
    expect(r.stdout).toMatch(/^xx drop \(TTL exceeded\) flow 0x[0-9a-f]+ to endpoint 0, ifindex \d+, file bpf_lxc\.c:\d+, , identity \d+->unknown: 172\.20\.0\.\d+ -> 172\.20\.2\.\d+ icmp EchoRequest\n$/);
  });

  test('a normal ping: trace lines (new, then reply), none with -t drop', async () => {
    const lab = week4();
    const dst = webpodOn(lab, 'k8s-w1');
    pingLater(lab, dst);
    const all = await monitorOnCtr(lab, ['cilium-dbg', 'monitor'], { interruptAfterUs: 2_000_000 });
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^-> network flow 0x[0-9a-f]+ , identity \d+->\d+ state new ifindex eth1 orig-ip 0\.0\.0\.0: 172\.20\.0\.\d+ -> 172\.20\.2\.\d+ icmp EchoRequest$/);
    expect(lines[1]).toMatch(/^-> endpoint \d+ flow 0x[0-9a-f]+ , identity \d+->\d+ state reply ifindex lxc[0-9a-f]{12} orig-ip 0\.0\.0\.0: 172\.20\.2\.\d+ -> 172\.20\.0\.\d+ icmp EchoReply$/);
    pingLater(lab, dst);
    const drops = await monitorOnCtr(lab, ['cilium-dbg', 'monitor', '--type', 'drop'], { interruptAfterUs: 2_000_000 });
    expect(drops.stdout).toBe('');
  });

  test('an unknown type is refused with the map of names', async () => {
    const lab = week4();
    const r = await monitorOnCtr(lab, ['cilium-dbg', 'monitor', '-t', 'drops']);
    expect(r.stderr).toBe('Error: invalid argument "drops" for "-t, --type" flag: Unknown type (drops). Please use one of the following ones map[agent:130 capture:3 debug:2 drop:1 l7:129 policy-verdict:5 recorder:6 trace:4 trace-sock:7]\n');
    expect(r.exitCode).toBe(1);
  });
});
