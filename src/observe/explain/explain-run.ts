// Layer observe: explaining a ping or a curl by running it once in the lab and following its packets: the
// request from its first frame to where it ended, every packet it caused (reply, ICMP error), the socket
// LB's choice, the verdict, the causes read from the hosts' tables and the fixes that apply.
// @example explainPing(lab, { from: 'curl-pod', to: '172.20.1.224' }).causes

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import { GlibcResolver, HttpClient, MuslResolver, PingEngine, type CurlEvent, type PingEvent } from '../../apps/index.js';
import type { Lab } from '../../lab/index.js';
import { podResolvConf } from '../../lab/pod-resolv-conf.js';
import { routeOutput } from '../../net/route-output.js';
import { describeRoute } from '../../net/route-text.js';
import type { Netns } from '../../net/netns.js';
import type { PmtuDisc } from '../../net/ip-send.js';
import { diagnose, pathFacts } from './diagnosis.js';
import type { Explanation, PacketTrail, Step } from './explanation.js';
import { payloadFix } from './fixes.js';
import { TraceRecorder, type Recorded } from './recorder.js';
import { answerByTuple, buildTrail, causedBy, placeOf } from './trail.js';
import { decodeCaptured } from '../monitor/captured-packet.js';

export interface PingRequest {
  /** A host ("k8s-ctr") or pod ("curl-pod", "kube-system/coredns-..."). */
  readonly from: string;
  /** An IPv4 address or a pod name. */
  readonly to: string;
  /** -s: ICMP payload bytes (56). */
  readonly size?: number;
  /** -t */
  readonly ttl?: number;
  /** -M do|want|dont */
  readonly pmtudisc?: PmtuDisc;
}

export interface CurlRequest {
  readonly from: string;
  readonly url: string;
  readonly connectTimeoutMs?: number;
}

/** What the cluster calls an address: a pod, a service, a node. */
function describeAddr(lab: Lab, ip: Ipv4Addr): string {
  const ep = lab.cilium.endpoints.get(ip);
  if (ep) return `${ep.namespace}/${ep.podName} on ${ep.nodeName}`;
  const svc = [...lab.cilium.services.values()].find((s) => s.vip === ip);
  if (svc) return `service ${svc.namespace}/${svc.name}`;
  const node = lab.cilium.nodeByAddr(ip);
  if (node) return `node ${node.name}`;
  const owner = lab.cilium.nodeByPodIp(ip);
  return owner ? `an unused address in ${owner.name}'s PodCIDR` : formatIpv4(ip);
}

function resolveTarget(lab: Lab, to: string): Ipv4Addr | undefined {
  const ip = parseIpv4(to);
  if (ip !== undefined) return ip;
  const [ns, name] = to.includes('/') ? (to.split('/') as [string, string]) : ['default', to];
  return parseIpv4(lab.k8s.api.tryGet('Pod', ns, name)?.status?.podIP ?? '');
}

/** The trails of a request and everything it caused. */
function trails(events: readonly Recorded[], root: number): PacketTrail[] {
  const out = [buildTrail(events, root, 'request')];
  const caused = causedBy(events, root);
  const answer = caused.length === 0 ? answerByTuple(events, root) : undefined;
  for (const id of answer !== undefined ? [answer] : caused) {
    const first = events.find((r) => r.kind === 'packet' && r.e.traceId === id);
    const icmp = first?.kind === 'packet' ? decodeCaptured(first.e.data).l4 : undefined;
    const role = icmp?.proto === 'icmp' && icmp.icmpType !== 0 ? 'ICMP error' : 'reply';
    out.push(buildTrail(events, id, role));
  }
  return out;
}

function verdictOf(ts: readonly PacketTrail[]): string {
  const [req, ...rest] = ts;
  if (!req) return 'nothing was sent';
  const f = req.fate;
  const at = (x: { host: string; pod: string | undefined }) => (x.pod !== undefined ? `${x.pod} on ${x.host}` : x.host);
  switch (f.kind) {
    case 'delivered': {
      const reply = rest.find((t) => t.role === 'reply');
      const back = reply?.fate.kind === 'delivered' ? `; the reply came back to ${at(reply.fate)} with ttl ${reply.fate.ttl}` : reply ? `; the reply was ${reply.fate.kind === 'dropped' ? `dropped on ${at(reply.fate)} (${reply.fate.reason})` : 'lost'}` : '';
      return `delivered to ${at(f)} with ttl ${f.ttl}${back}`;
    }
    case 'dropped':
      return `dropped on ${at(f)}${f.dev !== undefined ? ` (${f.dev})` : ''}: ${f.reason} in ${f.where}${rest.some((t) => t.role === 'ICMP error') ? ', which answered with an ICMP error' : ''}`;
    case 'not-sent':
      return `not sent: ${f.errno} (${f.detail})`;
    case 'unanswered':
      return `no answer: ${f.detail} on ${at(f)}`;
  }
}

function explanation(lab: Lab, command: string, dst: Ipv4Addr, ts: PacketTrail[], extraCauses: readonly string[] = []): Explanation {
  const req = ts[0];
  const d = req ? diagnose(lab, req, dst) : { causes: [], fixes: [] };
  const facts = req?.fate.kind === 'delivered' ? ts.flatMap((t) => pathFacts(lab, t)) : [];
  return { command, target: describeAddr(lab, dst), packets: ts, verdict: verdictOf(ts), causes: [...extraCauses, ...d.causes, ...facts], fixes: d.fixes };
}

/** EMSGSIZE: the kernel refused the packet before it existed. */
function notSent(lab: Lab, ns: Netns, command: string, dst: Ipv4Addr, e: Extract<PingEvent, { kind: 'send-error' }>, size: number): Explanation {
  const { host, pod } = placeOf(ns);
  const r = routeOutput(ns, { dst });
  const route = r.ok ? describeRoute(r.value.route) : e.errno;
  const mtu = e.mtu ?? (r.ok ? r.value.mtu : 0);
  const fate = { kind: 'not-sent' as const, host, pod, errno: e.errno, detail: `${size + 28} bytes with DF exceed mtu ${mtu}` };
  const trail: PacketTrail = { traceId: 0, role: 'request', summary: `ICMP echo request, ${size} bytes of payload`, steps: [], fate };
  const cause = `the route ${route} in ${pod ?? host} has mtu ${mtu}; ${size} bytes of payload make a ${size + 28}-byte packet, and with DF (-M do) the kernel answers sendmsg with EMSGSIZE (Message too long) — no packet leaves`;
  return { command, target: describeAddr(lab, dst), packets: [trail], verdict: verdictOf([trail]), causes: [cause], fixes: e.errno === 'EMSGSIZE' ? [payloadFix(mtu, 28, 'ICMP', `ping -M do -s ${mtu - 28} ${formatIpv4(dst)}`)] : [] };
}

/** A command started in the lab: run the scheduler until `isDone`, then `finish` builds the explanation. */
export interface ExplainRun {
  readonly isDone: () => boolean;
  readonly limitUs: number;
  readonly finish: () => Explanation;
}

export function startPing(lab: Lab, req: PingRequest): ExplainRun {
  const ns = lab.netns(req.from);
  const dst = resolveTarget(lab, req.to);
  if (dst === undefined) throw new Error(`no pod or address ${req.to}`);
  const ident = lab.ctx.rng.fork(`explain/${lab.nowUs}`).int(1, 65535);
  const size = req.size ?? 56;
  const command = `ping ${req.from} ${req.to}`;
  const rec = new TraceRecorder(lab);
  const events: PingEvent[] = [];
  const engine = new PingEngine(ns, { dst, ident, count: 1, deadlineS: 2, size, ...(req.ttl !== undefined ? { ttl: req.ttl } : {}), ...(req.pmtudisc ? { pmtudisc: req.pmtudisc } : {}) }, (e) => events.push(e));
  const err = engine.start();
  const finish = (): Explanation => {
    rec.stop();
    const sendError = events.find((e): e is Extract<PingEvent, { kind: 'send-error' }> => e.kind === 'send-error');
    if (sendError) return notSent(lab, ns, command, dst, sendError, size);
    const root = rec.events.find((r) => r.kind === 'packet' && r.e.netns === ns && r.e.dir === 'out' && decodeCaptured(r.e.data).l4?.icmpId === ident);
    return explanation(lab, command, dst, root ? trails(rec.events, root.e.traceId) : []);
  };
  return { isDone: () => err !== undefined || events.some((e) => e.kind === 'done'), limitUs: 30_000_000, finish };
}

/** Runs the ping to completion on the lab's clock. @example explainPing(lab, { from: 'curl-pod', to: '172.20.1.224' }).verdict */
export function explainPing(lab: Lab, req: PingRequest): Explanation {
  const run = startPing(lab, req);
  lab.runUntil(run.isDone, run.limitUs);
  return run.finish();
}

function resolverFor(lab: Lab, from: string, ns: Netns): { lookup(name: string, done: (r: import('../../apps/index.js').ResolveResult) => void): () => void } {
  const [pns, name] = from.includes('/') ? (from.split('/') as [string, string]) : ['default', from];
  const pod = lab.machines.has(from) ? undefined : lab.k8s.api.tryGet('Pod', pns, name);
  return pod ? new MuslResolver(ns, { resolvConf: podResolvConf(lab.spec, pod) }) : new GlibcResolver(ns, { resolvConf: 'nameserver 127.0.0.53\n' });
}

/** The socket LB's decision as the first step of the connection's trail. */
function withSockLb(events: readonly Recorded[], ns: Netns, t: PacketTrail, backend: string): PacketTrail {
  const lb = [...events].reverse().find((r) => r.kind === 'hop' && r.e.stage === 'sock-lb' && r.e.netns === ns && r.e.detail?.['backend'] === backend);
  if (!lb || lb.kind !== 'hop') return t;
  const { host, pod } = placeOf(ns);
  const step: Step = { host, pod, dev: undefined, dir: undefined, timeUs: lb.e.timeUs, kind: 'socket-lb', decision: `cil_sock4_connect: ${lb.e.decision}`, entries: lb.entries, headers: undefined };
  return { ...t, steps: [step, ...t.steps] };
}

export function startCurl(lab: Lab, req: CurlRequest): ExplainRun {
  const ns = lab.netns(req.from);
  const command = `curl ${req.from} ${req.url}`;
  const rec = new TraceRecorder(lab);
  const events: CurlEvent[] = [];
  new HttpClient(ns, { url: req.url, connectTimeoutMs: req.connectTimeoutMs ?? 1000, resolver: resolverFor(lab, req.from, ns) }, (e) => events.push(e)).start();
  const finish = (): Explanation => {
    rec.stop();
    return curlExplanation(lab, ns, command, events, rec.events);
  };
  return { isDone: () => events.some((e) => e.kind === 'done'), limitUs: 60_000_000, finish };
}

/** Runs the curl to completion on the lab's clock. */
export function explainCurl(lab: Lab, req: CurlRequest): Explanation {
  const run = startCurl(lab, req);
  lab.runUntil(run.isDone, run.limitUs);
  return run.finish();
}

function curlExplanation(lab: Lab, ns: Netns, command: string, events: readonly CurlEvent[], recorded: readonly Recorded[]): Explanation {
  const trying = events.find((e): e is Extract<CurlEvent, { kind: 'trying' }> => e.kind === 'trying');
  const failed = events.find((e): e is Extract<CurlEvent, { kind: 'connect-failed' }> => e.kind === 'connect-failed');
  const error = events.find((e): e is Extract<CurlEvent, { kind: 'error' }> => e.kind === 'error');
  const dst = trying?.ip ?? (0 as Ipv4Addr);
  const syn = recorded.find((r): r is Extract<Recorded, { kind: 'packet' }> => r.kind === 'packet' && r.e.netns === ns && r.e.dir === 'out' && decodeCaptured(r.e.data).l4?.tcpFlags === 0x02);
  const noBackend = recorded.find((r) => r.kind === 'hop' && r.e.stage === 'sock-lb' && r.e.decision === 'no-backend' && r.e.netns === ns);
  const extra = [...(trying ? [`curl tries ${formatIpv4(trying.ip)}:${trying.port} (${describeAddr(lab, trying.ip)})`] : []), ...(error ? [`curl: (${error.code}) ${error.message}`] : [])];
  if (!syn) {
    const { host, pod } = placeOf(ns);
    const detail = noBackend?.kind === 'hop' ? `the socket LB found no backend for ${noBackend.e.detail?.['service']} (${noBackend.e.detail?.['frontend']})` : (error?.message ?? 'no connection attempt');
    const trail: PacketTrail = { traceId: 0, role: 'request', summary: 'TCP connect', steps: [], fate: { kind: 'not-sent', host, pod, errno: failed?.errno ?? 'EHOSTUNREACH', detail } };
    return { command, target: describeAddr(lab, dst), packets: [trail], verdict: verdictOf([trail]), causes: [...extra, detail], fixes: [] };
  }
  const ts = trails(recorded, syn.e.traceId);
  const backend = decodeCaptured(syn.e.data);
  const first = ts[0];
  if (first) ts[0] = withSockLb(recorded, ns, first, `${backend.ipDst}:${backend.l4?.dstPort}`);
  return explanation(lab, command, parseIpv4(backend.ipDst ?? '') ?? dst, ts, extra);
}
