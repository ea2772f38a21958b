// Layer observe: Hubble's flow filters (api/v1/flow FlowFilter, pkg/hubble/filters): every field set in a
// filter must match (a field matches when any of its values does); a flow passes when it matches any
// allowlist filter and no denylist filter. Pods match by "[namespace/]prefix" (namespace "default").

import { contains, parseCidr, parseIpv4 } from '../../addr/index.js';
import type { Flow, FlowEndpoint } from './flow.js';

export interface FlowFilter {
  readonly sourcePod?: readonly string[];
  readonly destinationPod?: readonly string[];
  readonly sourceIp?: readonly string[];
  readonly destinationIp?: readonly string[];
  readonly sourcePort?: readonly string[];
  readonly destinationPort?: readonly string[];
  readonly sourceIdentity?: readonly number[];
  readonly destinationIdentity?: readonly number[];
  readonly sourceLabel?: readonly string[];
  readonly destinationLabel?: readonly string[];
  readonly verdict?: readonly string[];
  readonly dropReasonDesc?: readonly string[];
  readonly protocol?: readonly string[];
  readonly eventType?: ReadonlyArray<{ readonly type: number; readonly subType?: number }>;
  readonly trafficDirection?: readonly string[];
  readonly nodeName?: readonly string[];
  /** Each entry: TCP flag bits that must all be set. */
  readonly tcpFlags?: readonly number[];
}

/** k8s.ParseNamespaceName: "ns/name", "name" (namespace default), "ns/" (any pod in ns). */
export function parseNamespaceName(text: string): { readonly namespace: string; readonly prefix: string } {
  const i = text.indexOf('/');
  if (i >= 0) return { namespace: text.slice(0, i), prefix: text.slice(i + 1) };
  return text === '' ? { namespace: '', prefix: '' } : { namespace: 'default', prefix: text };
}

function podMatches(values: readonly string[], ep: FlowEndpoint): boolean {
  if (ep.namespace === '' && ep.podName === '') return false;
  return values.some((v) => {
    const f = parseNamespaceName(v);
    return (f.prefix === '' || ep.podName.startsWith(f.prefix)) && f.namespace === ep.namespace;
  });
}

function ipMatches(values: readonly string[], ip: string | undefined): boolean {
  const addr = ip === undefined ? undefined : parseIpv4(ip);
  if (addr === undefined) return false;
  return values.some((v) => {
    const c = v.includes('/') ? parseCidr(v) : undefined;
    return c ? contains(c, addr) : v === ip;
  });
}

/** The protocol filter: l4 names, "icmp" for either ICMP family. */
function protocolMatches(values: readonly string[], f: Flow): boolean {
  const p = f.l4?.proto.toLowerCase();
  if (p === undefined) return false;
  return values.some((v) => {
    const want = v.toLowerCase();
    return want === p || (want === 'icmp' && p === 'icmpv4');
  });
}

function labelMatches(values: readonly string[], ep: FlowEndpoint): boolean {
  return values.some((sel) => sel.split(',').every((term) => {
    const t = term.trim();
    const want = t.includes(':') ? t : `k8s:${t}`;
    return ep.labels.some((l) => l === want || l === `${want}=` || (!want.includes('=') && l.startsWith(`${want}=`)));
  }));
}

function portMatches(values: readonly string[], port: number | undefined): boolean {
  return port !== undefined && values.some((v) => Number(v) === port);
}

function each<T>(values: readonly T[] | undefined, test: (vs: readonly T[]) => boolean): boolean {
  return values === undefined || values.length === 0 || test(values);
}

export function matchesFilter(flow: Flow, f: FlowFilter): boolean {
  return (
    each(f.sourcePod, (v) => podMatches(v, flow.source)) &&
    each(f.destinationPod, (v) => podMatches(v, flow.destination)) &&
    each(f.sourceIp, (v) => ipMatches(v, flow.ip?.source)) &&
    each(f.destinationIp, (v) => ipMatches(v, flow.ip?.destination)) &&
    each(f.sourcePort, (v) => portMatches(v, flow.l4?.sourcePort)) &&
    each(f.destinationPort, (v) => portMatches(v, flow.l4?.destinationPort)) &&
    each(f.sourceIdentity, (v) => v.includes(flow.source.identity)) &&
    each(f.destinationIdentity, (v) => v.includes(flow.destination.identity)) &&
    each(f.sourceLabel, (v) => labelMatches(v, flow.source)) &&
    each(f.destinationLabel, (v) => labelMatches(v, flow.destination)) &&
    each(f.verdict, (v) => v.includes(flow.verdict)) &&
    each(f.dropReasonDesc, (v) => flow.dropReasonDesc !== undefined && v.includes(flow.dropReasonDesc)) &&
    each(f.protocol, (v) => protocolMatches(v, flow)) &&
    each(f.eventType, (v) => v.some((t) => t.type === flow.eventType.type && (t.subType === undefined || t.subType === flow.eventType.subType))) &&
    each(f.trafficDirection, (v) => v.includes(flow.trafficDirection)) &&
    each(f.nodeName, (v) => v.some((n) => globMatch(n, flow.nodeName))) &&
    each(f.tcpFlags, (v) => flow.l4?.proto === 'TCP' && v.some((bits) => ((flow.l4?.tcpFlags ?? 0) & bits) === bits))
  );
}

/** Node name patterns ("k8s*"). */
function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(name);
}

/** Allowlist (any) and denylist (none). */
export function passes(flow: Flow, allow: readonly FlowFilter[], deny: readonly FlowFilter[]): boolean {
  if (allow.length > 0 && !allow.some((f) => matchesFilter(flow, f))) return false;
  return !deny.some((f) => matchesFilter(flow, f));
}
