// Layer observe: Hubble's parsers (pkg/hubble/parser/threefour and sock) turning a node's monitor events
// into flows: the captured headers (Ethernet, IP, L4 and the "TCP Flags: SYN" / "ICMPv4 EchoRequest"
// summary), both endpoints, verdict and drop reason, reply flag and traffic direction from the conntrack
// state, the observation point and interface, the service of a ClusterIP destination.

import { parseIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';
import { uuidV4, type Rng } from '../../sim/index.js';
import { decodeCaptured, tcpFlagNames, type CapturedPacket } from '../monitor/captured-packet.js';
import { dropEnumName } from '../monitor/drop-reasons.js';
import { icmpTypeCodeString } from '../monitor/icmp-type-code.js';
import { MESSAGE_TYPE, OBS_POINT_PROTO, obsPointCode, TRACE_REASON_PROTO } from '../monitor/monitor-api.js';
import type { DropNotify, MonitorEvent, TraceNotify, TraceSockNotify } from '../monitor/monitor-event.js';
import { resolveEndpoint } from './endpoint-resolver.js';
import type { Flow, FlowEndpoint, FlowL4 } from './flow.js';

export interface ParserContext {
  readonly lab: Lab;
  readonly agent: CiliumAgent;
  /** Draws the flows' UUIDs. */
  readonly rng: Rng;
  readonly nodeLabels: readonly string[];
}

/** decodeLayers: the last decoded layer names the summary. */
function summaryOf(p: CapturedPacket): string {
  const l4 = p.l4;
  if (l4?.proto === 'tcp') return `TCP Flags: ${tcpFlagNames(l4.tcpFlags).join(', ')}`;
  if (l4?.proto === 'udp') return 'UDP';
  if (l4?.proto === 'icmp') return `ICMPv4 ${icmpTypeCodeString(l4.icmpType, l4.icmpCode)}`;
  if (p.ipSrc !== undefined) return 'IPv4';
  return p.ethSrc !== undefined ? 'Ethernet' : '';
}

function l4Of(p: CapturedPacket): FlowL4 | undefined {
  const l4 = p.l4;
  if (!l4) return undefined;
  const proto = l4.proto === 'tcp' ? 'TCP' : l4.proto === 'udp' ? 'UDP' : 'ICMPv4';
  return { proto, sourcePort: l4.srcPort, destinationPort: l4.dstPort, tcpFlags: l4.tcpFlags, icmpType: l4.icmpType, icmpCode: l4.icmpCode };
}

function serviceAt(lab: Lab, ip: string | undefined, l4: FlowL4 | undefined): Flow['destinationService'] {
  const addr = ip === undefined ? undefined : parseIpv4(ip);
  if (addr === undefined || !l4 || l4.proto === 'ICMPv4') return undefined;
  const svc = lab.cilium.service(addr, l4.destinationPort, l4.proto);
  return svc ? { name: svc.name, namespace: svc.namespace } : undefined;
}

function common(c: ParserContext, e: { timeUs: number; traceId: number }): Pick<Flow, 'timeUs' | 'uuid' | 'nodeName' | 'nodeLabels' | 'traceId'> {
  return { timeUs: c.lab.spec.clock.startUnixMs * 1000 + e.timeUs, uuid: uuidV4(c.rng), nodeName: c.agent.nodeName, nodeLabels: c.nodeLabels, traceId: e.traceId };
}

/** decodeTrafficDirection: the side of the local endpoint, inverted for replies. */
function direction(source: number, src: FlowEndpoint, isReply: boolean | undefined, isDrop: boolean): Flow['trafficDirection'] {
  if (source === 0 || (!isDrop && isReply === undefined)) return 'TRAFFIC_DIRECTION_UNKNOWN';
  const isSourceEp = source === src.id;
  return isSourceEp !== (isReply ?? false) ? 'EGRESS' : 'INGRESS';
}

function packetFlow(c: ParserContext, e: TraceNotify | DropNotify): Flow {
  const p = decodeCaptured(e.data);
  const source = resolveEndpoint(c.lab, c.agent, p.ipSrc, e.srcLabel);
  const destination = resolveEndpoint(c.lab, c.agent, p.ipDst, e.dstLabel);
  const l4 = l4Of(p);
  const isTrace = e.kind === 'trace';
  const isReply = isTrace && e.reason !== 'unknown' ? e.reason === 'reply' : undefined;
  return {
    ...common(c, e),
    verdict: isTrace ? 'FORWARDED' : 'DROPPED',
    dropReason: isTrace ? 0 : e.code,
    ethernet: p.ethSrc !== undefined && p.ethDst !== undefined ? { source: p.ethSrc, destination: p.ethDst } : undefined,
    ip: p.ipSrc !== undefined && p.ipDst !== undefined ? { source: p.ipSrc, destination: p.ipDst, ipVersion: 'IPv4' } : undefined,
    l4,
    source,
    destination,
    type: 'L3_L4',
    eventType: { type: MESSAGE_TYPE[e.kind], subType: isTrace ? obsPointCode(e.point) : e.code },
    destinationService: serviceAt(c.lab, p.ipDst, l4),
    trafficDirection: direction(e.source, source, isReply, !isTrace),
    traceObservationPoint: isTrace ? OBS_POINT_PROTO[e.point] : undefined,
    traceReason: isTrace ? TRACE_REASON_PROTO[e.reason] : undefined,
    file: isTrace ? undefined : { name: e.file, line: 0 },
    dropReasonDesc: isTrace ? undefined : dropEnumName(e.code),
    isReply,
    interface: e.ifindex !== 0 ? { index: e.ifindex, name: e.ifname } : undefined,
    sockXlatePoint: undefined,
    socketCookie: 0,
    cgroupId: 0,
    summary: summaryOf(p),
  };
}

function sockFlow(c: ParserContext, e: TraceSockNotify): Flow {
  const l4: FlowL4 = { proto: e.proto === 'tcp' ? 'TCP' : 'UDP', sourcePort: 0, destinationPort: e.dstPort, tcpFlags: 0, icmpType: 0, icmpCode: 0 };
  const isPre = e.xlate === 'pre-xlate-fwd';
  return {
    ...common(c, { timeUs: e.timeUs, traceId: 0 }),
    verdict: isPre ? 'TRACED' : 'TRANSLATED',
    dropReason: 0,
    ethernet: undefined,
    ip: { source: e.srcIp, destination: e.dstIp, ipVersion: 'IPv4' },
    l4,
    source: resolveEndpoint(c.lab, c.agent, e.srcIp, 0),
    destination: resolveEndpoint(c.lab, c.agent, e.dstIp, 0),
    type: 'SOCK',
    eventType: { type: MESSAGE_TYPE['trace-sock'], subType: isPre ? 1 : 2 },
    destinationService: serviceAt(c.lab, e.dstIp, l4),
    trafficDirection: 'TRAFFIC_DIRECTION_UNKNOWN',
    traceObservationPoint: undefined,
    traceReason: undefined,
    file: undefined,
    dropReasonDesc: undefined,
    isReply: undefined,
    interface: undefined,
    sockXlatePoint: isPre ? 'SOCK_XLATE_POINT_PRE_DIRECTION_FWD' : 'SOCK_XLATE_POINT_POST_DIRECTION_FWD',
    socketCookie: e.cookie,
    cgroupId: e.cgroupId,
    summary: e.proto.toUpperCase(),
  };
}

/** @example parseFlow(ctx, event).summary // 'TCP Flags: SYN' */
export function parseFlow(c: ParserContext, e: MonitorEvent): Flow {
  return e.kind === 'trace-sock' ? sockFlow(c, e) : packetFlow(c, e);
}
