// `cilium-dbg endpoint get` and `endpoint list -o json` against the v1.18 sources (branch point 228a293646):
// cilium-dbg/cmd/endpoint_get.go and endpoint_list.go (a JSON array, MarshalIndent "  " then two newlines;
// list -o never flushes its tabwriter header), api/v1/models endpoint*.go (field order, omitempty, nil slices
// as null), pkg/endpoint api.go GetModelRLocked, pkg/endpointmanager manager.go Lookup, pkg/endpoint/id
// ParseCiliumID, api/v1/client/endpoint get_endpoint_id_responses.go (400/404 texts), helpers.go Fatalf/Usagef.

import { describe, expect, test } from 'vitest';
import { formatIpv4, formatMac } from '../../../src/addr/index.js';
import { endpointRows } from '../../../src/tools/cilium/endpoint-list.js';
import { week4 } from '../../support/week4.js';
import { agentPod, inAgent, runOn } from './helpers.js';

const lab = week4();
const NODE = 'k8s-w1';
const agent = lab.agents.get(NODE);
if (!agent) throw new Error(NODE);
const [pod] = [...agent.endpoints.values()];
if (!pod) throw new Error(`no pod on ${NODE}`);
type Json = Record<string, unknown>;

const get = async (...args: string[]) => {
  const out = await inAgent(lab, NODE, ['cilium-dbg', 'endpoint', 'get', ...args]);
  // MarshalIndent(v, "", "  ") is what JSON.stringify(v, null, 2) prints for these values, then Println twice.
  const json = JSON.parse(out) as Json[];
  expect(out).toBe(`${JSON.stringify(json, null, 2)}\n\n`);
  return json;
};
const fails = async (...args: string[]) => {
  const r = await runOn(lab, agentPod(lab, NODE), ['cilium-dbg', 'endpoint', 'get', ...args]);
  return [r.stdout, r.stderr, r.exitCode];
};
const at = (o: unknown, ...path: string[]): unknown => path.reduce((v, k) => (v as Json | undefined)?.[k], o);

describe('cilium-dbg endpoint get', () => {
  test('a pod: models.Endpoint fields in struct order, from the endpoint, its veth pair and the config', async () => {
    const [ep] = await get(String(pod.id));
    expect(Object.keys(ep ?? {})).toEqual(['id', 'spec', 'status']);
    // EndpointStatus order; namedPorts (omitempty) only for pods with named container ports.
    expect(Object.keys(at(ep, 'status') as Json).filter((k) => k !== 'namedPorts')).toEqual(['controllers', 'external-identifiers', 'health', 'identity', 'labels', 'log', 'networking', 'policy', 'realized', 'state']);
    expect(at(ep, 'id')).toBe(pod.id);
    expect(at(ep, 'status', 'networking')).toEqual({
      addressing: [{ ipv4: formatIpv4(pod.ipv4), 'ipv4-pool-name': 'default' }],
      'container-interface-name': 'eth0',
      'host-mac': formatMac(pod.lxc.mac),
      'interface-index': pod.lxc.ifindex,
      'interface-name': pod.lxc.name,
      mac: formatMac(pod.podDev.mac),
    });
    expect(at(ep, 'status', 'external-identifiers')).toEqual({ 'cni-attachment-id': `${pod.containerId}:eth0`, 'container-id': pod.containerId, 'k8s-namespace': pod.namespace, 'k8s-pod-name': pod.podName, 'pod-name': `${pod.namespace}/${pod.podName}` });
    expect(at(ep, 'status', 'identity')).toEqual({ id: pod.identity, labels: [...pod.identityLabels].sort() });
    expect(at(ep, 'status', 'labels', 'security-relevant')).toEqual([...pod.identityLabels].sort());
    // labelsfilter keeps pod-template-hash out of the identity: an information ("derived") label.
    expect(at(ep, 'status', 'labels', 'derived')).toEqual([`k8s:pod-template-hash=${pod.labels['pod-template-hash']}`]);
    expect(at(ep, 'status', 'state')).toBe('ready');
    const [log] = at(ep, 'status', 'log') as Json[];
    expect(Object.keys(log ?? {})).toEqual(['code', 'message', 'state', 'timestamp']);
    expect(log?.message).toMatch(/^Successfully regenerated endpoint program \(Reason: (periodic endpoint regeneration|updated security labels)\)$/);
    expect(log?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(at(ep, 'status', 'health')).toEqual({ bpf: 'OK', connected: true, overallHealth: 'OK', policy: 'OK' });
  });

  test('spec.options: the mutable option library from cilium-config (debug: true turns DebugPolicy on)', async () => {
    const [ep] = await get(String(pod.id));
    expect(at(ep, 'spec')).toEqual({
      'label-configuration': {},
      options: { ConntrackAccounting: 'Disabled', Debug: 'Disabled', DebugLB: 'Disabled', DebugPolicy: 'Enabled', DropNotification: 'Enabled', MonitorAggregationLevel: 'Medium', PolicyAccounting: 'Enabled', PolicyAuditMode: 'Disabled', PolicyVerdictNotification: 'Enabled', SourceIPVerification: 'Enabled', TraceNotification: 'Enabled' },
    });
    expect(at(ep, 'status', 'realized')).toEqual(at(ep, 'spec'));
  });

  test('policy: no policy selects the pod, so allow-all both ways plus localhost ingress; deny lists are null', async () => {
    const [ep] = await get(String(pod.id));
    const model = { 'allowed-egress-identities': [0], 'allowed-ingress-identities': [0, 1], build: 1, 'denied-egress-identities': null, 'denied-ingress-identities': null, id: pod.identity, l4: { egress: [], ingress: [] }, 'policy-enabled': 'none', 'policy-revision': 1 };
    expect(at(ep, 'status', 'policy')).toEqual({ 'proxy-policy-revision': 1, 'proxy-statistics': [], realized: model, spec: model });
    expect(Object.keys(at(ep, 'status', 'policy', 'realized') as Json)).toEqual(Object.keys(model));
  });

  test('controllers sorted by name; run counts and last success follow the virtual clock', async () => {
    const names = async () => ((await get(String(pod.id)))[0] as Json);
    const before = await names();
    const ctrls = at(before, 'status', 'controllers') as Json[];
    const list = ctrls.map((c) => c.name as string);
    expect(list).toEqual([...list].sort());
    expect(list).toContain(`sync-to-k8s-ciliumendpoint (${pod.id})`);
    const recovery = ctrls.find((c) => c.name === `endpoint-${pod.id}-regeneration-recovery`);
    expect(recovery).toMatchObject({ configuration: { 'error-retry': true, 'error-retry-base': '2s', interval: '1s' }, status: { 'last-failure-timestamp': '0001-01-01T00:00:00.000Z', 'last-success-timestamp': '0001-01-01T00:00:00.000Z' } });
    const sync = (o: Json) => (at(o, 'status', 'controllers') as Json[]).find((c) => c.name === `sync-to-k8s-ciliumendpoint (${pod.id})`);
    const count = (o: Json) => at(sync(o), 'status', 'success-count') as number;
    const wall = new Date(lab.spec.clock.startUnixMs + Math.floor(lab.nowUs / 1000));
    lab.runFor(35_000_000);
    const after = await names();
    expect(count(after) - count(before)).toBeGreaterThanOrEqual(3);
    expect(Date.parse(at(sync(after), 'status', 'last-success-timestamp') as string)).toBeGreaterThan(wall.getTime());
    expect(at(sync(after), 'uuid')).toBe(at(sync(before), 'uuid'));
  });

  test('the host endpoint: cilium_host, identity 1, no addresses, pod-name "/"', async () => {
    const host = endpointRows(lab, agent).find((r) => r.ipv4 === '');
    const [ep] = await get(String(host?.id));
    const dev = agent.devices?.ciliumHost;
    expect(at(ep, 'status', 'networking')).toEqual({ addressing: [{}], 'host-mac': formatMac(dev?.mac ?? (0 as never)), 'interface-index': dev?.ifindex, 'interface-name': 'cilium_host', mac: formatMac(dev?.mac ?? (0 as never)) });
    expect(at(ep, 'status', 'external-identifiers')).toEqual({ 'pod-name': '/' });
    expect(at(ep, 'status', 'policy', 'realized', 'allowed-ingress-identities')).toEqual([0]);
    expect(at(ep, 'status', 'identity', 'id')).toBe(1);
    expect(await get('pod-name:/')).toEqual([ep]);
  });

  test('prefixed ids of the endpoint manager’s index, and base-0 numbers', async () => {
    const want = await get(String(pod.id));
    for (const id of [`ipv4:${formatIpv4(pod.ipv4)}`, `container-id:${pod.containerId}`, `cni-attachment-id:${pod.containerId}:eth0`, `pod-name:${pod.namespace}/${pod.podName}`, `cep-name:${pod.namespace}/${pod.podName}`, `cilium-local:${pod.id}`, `0x${pod.id.toString(16)}`]) {
      expect(await get(id)).toEqual(want);
    }
  });

  test('errors: the client’s 400 with the JSON payload, 404, the parse error, the usage errors', async () => {
    const free = Array.from({ length: 100 }, (_, i) => i + 1).find((n) => !endpointRows(lab, agent).some((r) => r.id === n));
    expect(await fails('abc')).toEqual(['', 'Error: Cannot get endpoint abc: [GET /endpoint/{id}][400] getEndpointIdInvalid "invalid numeric cilium id: strconv.ParseInt: parsing \\"abc\\": invalid syntax"\n\n', 1]);
    expect(await fails('99999')).toEqual(['', 'Error: Cannot get endpoint 99999: [GET /endpoint/{id}][400] getEndpointIdInvalid "endpoint id too large: 99999"\n\n', 1]);
    expect(await fails('--', '-5')).toEqual(['', 'Error: Cannot get endpoint -5: [GET /endpoint/{id}][400] getEndpointIdInvalid "invalid numeric cilium id: %!w(\\u003cnil\\u003e)"\n\n', 1]);
    expect(await fails('cilium-global:1')).toEqual(['', 'Error: Cannot get endpoint cilium-global:1: [GET /endpoint/{id}][400] getEndpointIdInvalid "unsupported IP address format"\n\n', 1]);
    expect(await fails('host')).toEqual(['', 'Error: Cannot get endpoint host: [GET /endpoint/{id}][400] getEndpointIdInvalid "invalid numeric cilium id: strconv.ParseInt: parsing \\"host\\": invalid syntax"\n\n', 1]);
    expect(await fails(String(free))).toEqual(['', `Error: Cannot get endpoint ${free}: [GET /endpoint/{id}][404] getEndpointIdNotFound\n\n`, 1]);
    expect(await fails('ipv6:f00d::1')).toEqual(['', 'Error: Cannot get endpoint ipv6:f00d::1: [GET /endpoint/{id}][404] getEndpointIdNotFound\n\n', 1]);
    expect(await fails('foo:1')).toEqual(['', 'Error: Cannot parse endpoint id "foo:1": unknown endpoint ID prefix "foo"\n', 1]);
    const [out, err, rc] = await fails();
    expect([err, rc, (out as string).split('\n').slice(0, 4)]).toEqual(['Error: Missing endpoint id argument\n\n', 1, ['Display endpoint information', '', 'Usage:', '  cilium-dbg endpoint get ( <endpoint identifier> | -l <endpoint labels> )  [flags]']]);
    expect((await fails('-l', 'k8s:app=x', '1'))[1]).toBe('Error: Cannot provide both endpoint ID and labels arguments concurrently\n\n');
    expect(await fails(String(pod.id), '-o', 'table')).toEqual(['', '', 1]);
  });

  test('-l: endpoints holding every label, the source included', async () => {
    const [first = ''] = [...pod.identityLabels].sort();
    const found = await get('-l', first, '-l', `k8s:io.kubernetes.pod.namespace=${pod.namespace}`);
    expect(found.map((e) => e.id)).toContain(pod.id);
    const bare = first.slice(first.indexOf(':') + 1);
    expect(await fails('-l', bare)).toEqual(['', `Error: Cannot get endpoints for given list of labels [${bare}]: [GET /endpoint][404] getEndpointNotFound\n\n`, 1]);
  });
});

describe('cilium-dbg endpoint list -o json', () => {
  test('every endpoint by id, no header (the tabwriter is not flushed), the blank line of dumpJSON', async () => {
    const out = await inAgent(lab, NODE, ['cilium-dbg', 'endpoint', 'list', '-o', 'json']);
    expect(out.startsWith('[\n  {\n    "id": ')).toBe(true);
    expect(out.endsWith('}\n]\n\n')).toBe(true);
    const json = JSON.parse(out) as Json[];
    expect(json.map((e) => e.id)).toEqual(endpointRows(lab, agent).map((r) => r.id));
    expect(json.find((e) => e.id === pod.id)).toEqual((await get(String(pod.id)))[0]);
  });
});
