// `ciliumlab trace` in the lab shell: the seed's failing ping as text (numbered steps with the router's
// route and the drop, the verdict, the three fixes), JSON with -o json, and usage errors.

import { expect, test } from 'vitest';
import { formatIpv4 } from '../../src/addr/index.js';
import { ciliumlabTrace } from '../../src/tools/explain/index.js';
import { hostOf, runTool } from '../support/tool-harness.js';
import { webpodOn, week4 } from '../support/week4.js';

test('ciliumlab trace ping curl-pod <k8s-w0 pod>: text', async () => {
  const lab = week4();
  const dst = formatIpv4(webpodOn(lab, 'k8s-w0'));
  const r = await runTool(lab, ciliumlabTrace, hostOf(lab, 'k8s-ctr'), ['ciliumlab', 'trace', 'ping', 'curl-pod', dst]);
  expect(r.exitCode).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toMatch(new RegExp(`^ping curl-pod ${dst.replace(/\./g, '\\.')}: default/webpod-\\S+ on k8s-w0$`));
  expect(lines).toContain('  => DROPPED on router (eth0): NAT_UPLINK_NO_INTERNET in VirtualBox NAT: the NAT uplink leads to no network in this lab');
  expect(lines.some((l) => /^ +\d+ {2}router +eth1 +ip_forward$/.test(l))).toBe(true);
  expect(lines.some((l) => l.trim() === 'route default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100')).toBe(true);
  expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toEqual(['  1. Add a route for each PodCIDR on router', '  2. Switch Cilium to tunnel (VXLAN) mode', '  3. Announce the PodCIDRs to router with BGP']);
});

test('ciliumlab trace -o json and usage errors', async () => {
  const lab = week4();
  const host = hostOf(lab, 'k8s-ctr');
  const json = await runTool(lab, ciliumlabTrace, host, ['ciliumlab', 'trace', 'ping', 'curl-pod', formatIpv4(webpodOn(lab, 'k8s-w1')), '-o', 'json']);
  const x = JSON.parse(json.stdout) as { verdict: string; packets: Array<{ role: string }> };
  expect(x.verdict).toMatch(/^delivered to default\/webpod-\S+ on k8s-w1 with ttl 62; the reply came back to default\/curl-pod on k8s-ctr with ttl 62$/);
  expect(x.packets.map((p) => p.role)).toEqual(['request', 'reply']);
  const bad = await runTool(lab, ciliumlabTrace, host, ['ciliumlab', 'trace', 'ping', 'curl-pod']);
  expect(bad.exitCode).toBe(2);
  expect(bad.stderr).toMatch(/^usage: ciliumlab trace ping FROM TO/);
  const noPod = await runTool(lab, ciliumlabTrace, host, ['ciliumlab', 'trace', 'ping', 'nosuch-pod', '10.0.0.1']);
  expect(noPod.stderr).toBe('ciliumlab trace: no host or pod nosuch-pod\n');
});
