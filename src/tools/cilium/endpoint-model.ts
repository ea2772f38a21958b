// Layer tools (cilium): models.Endpoint as GET /endpoint/{id} returns it (pkg/endpoint api.go GetModelRLocked,
// getModelNetworkingRLocked, getModelEndpointIdentitiersRLocked, GetPolicyModel, getHealthModel, v1.18),
// shaped for encoding/json: fields in struct order, omitempty fields left out when empty, nil slices as null.
// The host endpoint (cilium_host, identity 1, the node's labels) has no addresses and no pod identifiers.

import { formatIpv4, formatMac } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import type { Endpoint } from '../../cilium/endpoint.js';
import { ID_HOST } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import { uuidV4 } from '../../sim/index.js';
import { controllerRuns, endpointControllers, endpointCreatedUs, type Controller } from './agent-controllers.js';
import { hostEndpointId, hostEndpointLabels } from './agent-facts.js';
import { endpointOptions } from './endpoint-options.js';
import { goSeconds } from './go-fmt.js';

/** An endpoint of the agent: a pod's, or the host endpoint (ep undefined). */
export interface AgentEndpoint {
  readonly id: number;
  readonly ep: Endpoint | undefined;
}

export function agentEndpoints(agent: CiliumAgent): AgentEndpoint[] {
  const all = [...agent.endpoints.values()].map((ep) => ({ id: ep.id, ep }));
  return [...all, { id: hostEndpointId(agent), ep: undefined }].sort((a, b) => a.id - b.id);
}

/** pkg/policy repository.go: the revision a repository starts at, which no policy in the lab bumps. */
const POLICY_REVISION = 1;
const S = 1_000_000;
/** endpoint-regen-interval: 2m (pkg/endpointmanager cell.go). */
const PERIODIC_REGEN_US = 120 * S;
const ZERO_TIME = '0001-01-01T00:00:00.000Z';

/** The k8s labels of a pod that labelsfilter keeps out of its identity (pod-template-hash, ...): status.labels.derived. */
function derivedLabels(ep: Endpoint): string[] {
  return Object.entries(ep.labels).map(([k, v]) => `k8s:${k}=${v}`).filter((l) => !ep.identityLabels.includes(l)).sort();
}

/** identitymodel.CreateModel: the identity's LabelArray, which LabelArray.Sort orders by key alone. */
function byKey(labels: readonly string[]): string[] {
  const key = (l: string) => l.slice(l.indexOf(':') + 1).split('=')[0] ?? '';
  return [...labels].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const goBytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** strfmt.DateTime's JSON (RFC3339 with milliseconds) of a virtual instant; the agent's clock runs in UTC. */
function dateTime(lab: Lab, us: number | undefined): string {
  return us === undefined ? ZERO_TIME : new Date(lab.spec.clock.startUnixMs + Math.floor(us / 1000)).toISOString();
}

/** managedController.GetStatusModel: the UUID is google/uuid New() at creation, here from the agent's seeded stream. */
function controllerModel(lab: Lab, agent: CiliumAgent, c: Controller): object {
  const runs = controllerRuns(c, lab.nowUs);
  const dur = (us: number) => goSeconds(us / S);
  return {
    configuration: { 'error-retry': true, ...(c.errorRetryBaseUs ? { 'error-retry-base': dur(c.errorRetryBaseUs) } : {}), ...(c.intervalUs ? { interval: dur(c.intervalUs) } : {}) },
    name: c.name,
    // The lab's controllers never fail: no failure count, message or failure stamp (the zero time).
    status: { 'last-failure-timestamp': ZERO_TIME, 'last-success-timestamp': dateTime(lab, runs.lastUs), ...(runs.count ? { 'success-count': runs.count } : {}) },
    uuid: uuidV4(agent.rng.fork(`controller/${c.name}@${agent.startedAtUs}`)),
  };
}

/**
 * The newest status log entry (status.go GetModel, RFC3339 in UTC). A ready endpoint's is the end of its
 * last build (policy.go: "Successfully regenerated endpoint program (Reason: ...)"): the periodic
 * regeneration every 2m since the datapath came up, or, for a pod younger than the last periodic run, the
 * build its identity resolution triggered ("updated security labels", endpoint.go). An endpoint still
 * waiting for the agent's sync shows the start of that build (BuilderSetStateLocked "Regenerating endpoint: ").
 */
function statusLog(lab: Lab, agent: CiliumAgent, ae: AgentEndpoint, state: string): object[] {
  const created = endpointCreatedUs(lab, agent, ae.ep);
  const init = agent.startedAtUs + agent.timings.initUs;
  const lastPeriodic = lab.nowUs < init ? undefined : init + Math.floor((lab.nowUs - init) / PERIODIC_REGEN_US) * PERIODIC_REGEN_US;
  const isPeriodic = lastPeriodic !== undefined && lastPeriodic >= created;
  const reason = isPeriodic ? 'periodic endpoint regeneration' : 'updated security labels';
  const at = new Date(lab.spec.clock.startUnixMs + Math.floor((isPeriodic ? lastPeriodic : created) / 1000)).toISOString().replace(/\.\d+Z$/, 'Z');
  const message = state === 'ready' ? `Successfully regenerated endpoint program (Reason: ${reason})` : `Regenerating endpoint: ${reason}`;
  return [{ code: 'ok', message, state, timestamp: at }];
}

/** getHealthModel's switch on the state. */
function health(state: string): object {
  if (state === 'ready') return { bpf: 'OK', connected: true, overallHealth: 'OK', policy: 'OK' };
  if (state === 'waiting-for-identity') return { bpf: 'Disabled', connected: true, overallHealth: 'Disabled', policy: 'Bootstrap' };
  return { bpf: 'Pending', connected: true, overallHealth: 'Pending', policy: 'Pending' };
}

/**
 * GetPolicyModel with no policy selecting the endpoint: enforcement "none", the allow-all keys of both
 * directions (identity 0) and, for pods, the localhost ingress key (identity 1) as getIdentities lists them;
 * no deny keys (nil slices, null). proxy-policy-revision: the regeneration's revision, which the proxy
 * (cilium-envoy) acknowledges for every endpoint's NetworkPolicy (xds_server.go OnProxyPolicyUpdate).
 */
function policyModel(identity: number, isHost: boolean): object {
  const realized = {
    'allowed-egress-identities': [0],
    'allowed-ingress-identities': isHost ? [0] : [0, ID_HOST],
    build: POLICY_REVISION,
    'denied-egress-identities': null,
    'denied-ingress-identities': null,
    id: identity,
    l4: { egress: [], ingress: [] },
    'policy-enabled': 'none',
    'policy-revision': POLICY_REVISION,
  };
  return { 'proxy-policy-revision': POLICY_REVISION, 'proxy-statistics': [], realized, spec: realized };
}

/** getNamedPortsModel: the pod's named container ports, sorted by name; an empty list is omitted. */
function namedPorts(lab: Lab, ep: Endpoint): object[] {
  const pod = lab.k8s.api.tryGet('Pod', ep.namespace, ep.podName) as { spec?: { containers?: Array<{ ports?: Array<{ name?: string; containerPort?: number; protocol?: string }> }> } } | undefined;
  const ports = (pod?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).filter((p) => (p.name ?? '') !== '');
  return ports.sort((a, b) => goBytewise(a.name ?? '', b.name ?? '')).map((p) => ({ name: p.name, port: p.containerPort, protocol: p.protocol ?? 'TCP' }));
}

/** The endpoint's identity labels and its information labels (OpLabels OrchestrationIdentity / OrchestrationInfo), sorted. */
function labelSets(lab: Lab, agent: CiliumAgent, ep: Endpoint | undefined): { readonly security: string[]; readonly derived: string[] } {
  if (ep) return { security: [...ep.identityLabels].sort(goBytewise), derived: derivedLabels(ep) };
  // InitWithNodeLabels passes the host's labels as both identity and information labels.
  const host = hostEndpointLabels(lab, agent.nodeName);
  return { security: host, derived: host };
}

/** OpLabels.AllLabels as Label.String() texts: what GET /endpoint?labels matches against. */
export function endpointLabels(lab: Lab, agent: CiliumAgent, ae: AgentEndpoint): string[] {
  const { security, derived } = labelSets(lab, agent, ae.ep);
  return [...security, ...derived];
}

export function endpointModel(lab: Lab, agent: CiliumAgent, ae: AgentEndpoint): object {
  const { ep } = ae;
  const state = ep ? ep.state : agent.synced ? 'ready' : 'regenerating';
  const { security: securityLabels, derived } = labelSets(lab, agent, ep);
  const host = agent.devices?.ciliumHost;
  const dev = ep ? ep.lxc : host;
  const mac = ep ? ep.podDev.mac : host?.mac;
  const spec = { 'label-configuration': {}, options: endpointOptions(lab) };
  const controllers = endpointControllers(lab, agent, ep).sort((a, b) => goBytewise(a.name, b.name));
  const ports = ep ? namedPorts(lab, ep) : [];
  return {
    id: ae.id,
    spec,
    status: {
      controllers: controllers.map((c) => controllerModel(lab, agent, c)),
      'external-identifiers': ep ? { 'cni-attachment-id': `${ep.containerId}:eth0`, 'container-id': ep.containerId, 'k8s-namespace': ep.namespace, 'k8s-pod-name': ep.podName, 'pod-name': `${ep.namespace}/${ep.podName}` } : { 'pod-name': '/' },
      health: health(state),
      identity: { id: ep ? ep.identity : ID_HOST, labels: byKey(securityLabels) },
      labels: { ...(derived.length ? { derived } : {}), realized: {}, 'security-relevant': securityLabels },
      log: statusLog(lab, agent, ae, state),
      ...(ports.length ? { namedPorts: ports } : {}),
      networking: {
        // IPAM's pool in cluster-pool mode is "default" (pkg/ipam PoolDefault).
        addressing: [ep ? { ipv4: formatIpv4(ep.ipv4), 'ipv4-pool-name': 'default' } : {}],
        ...(ep ? { 'container-interface-name': 'eth0' } : {}),
        ...(dev ? { 'host-mac': formatMac(dev.mac), 'interface-index': dev.ifindex, 'interface-name': dev.name } : {}),
        ...(mac === undefined ? {} : { mac: formatMac(mac) }),
      },
      policy: policyModel(ep ? ep.identity : ID_HOST, !ep),
      realized: spec,
      state,
    },
  };
}
