// Layer observe: why an exchange ended as it did, read from the trails and the hosts' tables: a packet a
// router sent along its default route (no route for the PodCIDR, and why the node sent it there), a TTL that
// ran out (and the loop that ate it), DF and a smaller MTU, a service without backends, VXLAN reaching a
// node that has no tunnel device; for a delivered packet, the path it took (tunnel endpoints and VNIs).

import { formatCidr, formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Lab } from '../../lab/index.js';
import { routeOutput } from '../../net/route-output.js';
import type { Fix, PacketTrail, Step } from './explanation.js';
import { bgpFix, missingPodCidrRoutes, staticRoutesFix, tunnelModeFix } from './fixes.js';

export interface Diagnosis {
  readonly causes: string[];
  readonly fixes: Fix[];
}

function where(s: { host: string; pod: string | undefined }): string {
  return s.pod !== undefined ? `${s.pod} (on ${s.host})` : s.host;
}

function entry(steps: readonly Step[], prefix: string, test: (s: Step) => boolean): string | undefined {
  for (const s of [...steps].reverse()) {
    if (!test(s)) continue;
    const e = s.entries.find((x) => x.startsWith(prefix));
    if (e !== undefined) return e.slice(prefix.length);
  }
  return undefined;
}

/** A packet a host without Cilium forwarded along a route less specific than the destination's PodCIDR. */
function lostBeyondRouter(lab: Lab, t: PacketTrail, dst: Ipv4Addr): Diagnosis | undefined {
  const f = t.fate;
  if (f.kind !== 'dropped' && f.kind !== 'unanswered') return undefined;
  if (lab.agents.has(f.host) || !lab.machines.has(f.host)) return undefined;
  const owner = lab.cilium.nodeByPodIp(dst);
  const ns = lab.machine(f.host).root;
  const r = routeOutput(ns, { dst });
  if (!owner || !r.ok || r.value.route.dst.prefixLen >= owner.podCidr.prefixLen) return undefined;
  const used = entry(t.steps, 'route ', (s) => s.host === f.host && s.kind === 'route');
  const causes = [`${f.host} has no route for ${formatCidr(owner.podCidr)} (the PodCIDR of ${owner.name}, where ${formatIpv4(dst)} lives): it forwarded the packet by its route ${used ?? '(none)'}`];
  if (f.kind === 'dropped') causes.push(`there it was lost: ${f.reason}${f.detail !== undefined ? ` (${f.detail})` : ''}`);
  const sender = t.steps.find((s) => s.kind === 'datapath' && s.decision.endsWith('to-network'));
  const agent = sender ? lab.agents.get(sender.host) : undefined;
  const fib = sender?.entries.find((e) => e.startsWith('FIB route '));
  if (sender && agent?.dp && fib !== undefined) {
    const toNode = routeOutput(agent.netns, { dst: owner.nodeIp });
    const gw = toNode.ok && toNode.value.nexthop !== owner.nodeIp ? formatIpv4(toNode.value.nexthop) : undefined;
    const adnr = agent.dp.config.autoDirectNodeRoutes && gw !== undefined ? `; autoDirectNodeRoutes adds direct routes only for nodes reachable without a gateway, and ${owner.name} (${formatIpv4(owner.nodeIp)}) is behind ${gw}` : '';
    causes.push(`${sender.host} sent it to ${f.host} in ${agent.dp.config.routingMode} routing mode by its route ${fib.slice('FIB route '.length).split(', next hop')[0] ?? ''}${adnr}`);
  }
  const fixes = [staticRoutesFix(lab, ns, f.host), tunnelModeFix(lab), bgpFix(lab, ns, f.host)].filter((x): x is Fix => x !== undefined);
  const others = missingPodCidrRoutes(lab, ns).filter((m) => m.podCidr !== formatCidr(owner.podCidr));
  if (others.length > 0) causes.push(`${f.host} lacks routes for ${others.map((m) => m.podCidr).join(', ')} as well`);
  return { causes, fixes };
}

/** How a delivered packet travelled: the tunnels it took (outer endpoints, VNI) or the routes. */
export function pathFacts(lab: Lab, t: PacketTrail): string[] {
  const facts: string[] = [];
  const seen = new Set<string>();
  for (const s of t.steps) {
    const h = s.headers;
    if (s.kind !== 'tap' || s.dir !== 'out' || !h) continue;
    const vx = h.find((x) => x.proto === 'vxlan' || x.proto === 'geneve');
    const outer = h.find((x) => x.proto === 'ipv4');
    if (!vx || !outer) continue;
    const m = /^IP (\S+) > (\S+)/.exec(outer.text);
    const vni = Number(/vni (\d+)/.exec(vx.text)?.[1] ?? '0');
    const key = `${m?.[1]}>${m?.[2]}`;
    if (!m || seen.has(key)) continue;
    seen.add(key);
    const owner = lab.cilium.identities.get(vni)?.labels.find((l) => l.startsWith('k8s:app='));
    facts.push(`${t.role}: ${vx.proto === 'vxlan' ? 'VXLAN' : 'Geneve'} from tunnel endpoint ${m[1]} (${s.host}) to tunnel endpoint ${m[2]}, VNI ${vni} = source identity ${vni}${owner ? ` (${owner.slice(4)})` : ''}`);
  }
  if (facts.length === 0) {
    const routes = t.steps.filter((s) => s.kind === 'datapath' && s.decision.endsWith('to-network'));
    for (const s of routes) facts.push(`${t.role}: routed natively by ${s.host} (${s.entries.find((e) => e.startsWith('FIB route '))?.slice(10) ?? 'host routing'})`);
  }
  return facts;
}

/** Times a trail passed the same device the same way: a routing loop. */
function loopOf(t: PacketTrail): { host: string; devs: string[]; passes: number } | undefined {
  const counts = new Map<string, number>();
  for (const s of t.steps) if (s.kind === 'tap') counts.set(`${s.host}|${s.dev}|${s.dir}`, (counts.get(`${s.host}|${s.dev}|${s.dir}`) ?? 0) + 1);
  const looping = [...counts].filter(([, n]) => n > 2);
  if (looping.length === 0) return undefined;
  const host = looping[0]?.[0].split('|')[0] ?? '';
  const devs = [...new Set(looping.filter(([k]) => k.startsWith(`${host}|`)).map(([k]) => k.split('|')[1] ?? ''))];
  return { host, devs, passes: Math.max(...looping.map(([, n]) => n)) };
}

function ttlExpired(lab: Lab, t: PacketTrail): Diagnosis | undefined {
  const f = t.fate;
  if (f.kind !== 'dropped' || !(f.reason === 'TTL exceeded' || (f.reason === 'IP_INHDR' && f.where === 'ip_forward'))) return undefined;
  const causes = [`the TTL ran out on ${where(f)} in ${f.where}${f.reason === 'TTL exceeded' ? ': BPF drops it without an ICMP error' : ': the kernel answers "time exceeded in-transit"'}`];
  const loop = loopOf(t);
  if (loop) {
    const why = entry(t.steps, 'to the stack: ', (s) => s.host === loop.host);
    const route = entry(t.steps, 'route ', (s) => s.host === loop.host && s.kind === 'route');
    causes.push(`it looped ${loop.passes} times on ${loop.host} through ${loop.devs.join(', ')}${route !== undefined ? `: the route ${route} sends it back` : ''}${why !== undefined ? ` and the datapath returns it to the stack (${why})` : ''}`);
    const agent = lab.agents.get(loop.host);
    if (agent && !agent.isReady) return { causes, fixes: [waitForAgentFix(loop.host)] };
  }
  return { causes, fixes: [] };
}

/** A loop that lasts only while an agent restarts ends by itself once it has re-learned the cluster. */
function waitForAgentFix(node: string): Fix {
  return {
    title: `Wait for the Cilium agent on ${node} to finish starting`,
    why: `Until its ipcache and tunnel map are synced, ${node}'s datapath cannot encapsulate and hands packets back to the stack, whose route points at cilium_host again; the loop stops once the agent is ready.`,
    commands: ['kubectl -n kube-system rollout status ds/cilium'],
  };
}

function vxlanWithoutDevice(lab: Lab, t: PacketTrail): Diagnosis | undefined {
  const f = t.fate;
  if (f.kind !== 'dropped' || f.reason !== 'NO_SOCKET') return undefined;
  const udp = t.steps[t.steps.length - 1]?.headers?.find((h) => h.proto === 'udp');
  if (!udp || !/> (8472|6081|4789) /.test(udp.text)) return undefined;
  const agent = lab.agents.get(f.host);
  const mode = agent?.dp?.config.routingMode ?? 'unknown';
  const modules = lab.machines.get(f.host)?.modules;
  const mod = modules && !modules.isLoaded('vxlan') ? '; the vxlan module is not loaded there either' : '';
  return { causes: [`${f.host} received a tunnel packet but has no tunnel device listening (its datapath runs in ${mode} routing mode${agent?.isReady === false ? ' and its agent is restarting' : ''})${mod}`], fixes: [] };
}

export function diagnose(lab: Lab, request: PacketTrail, dst: Ipv4Addr): Diagnosis {
  return lostBeyondRouter(lab, request, dst) ?? ttlExpired(lab, request) ?? vxlanWithoutDevice(lab, request) ?? { causes: [], fixes: [] };
}
