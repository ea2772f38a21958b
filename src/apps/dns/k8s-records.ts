// Layer apps: CoreDNS's kubernetes plugin turning a query name into backend entries (plugin/kubernetes
// parse.go parseRequest, kubernetes.go Records/findServices/findPods, reverse.go, ns.go): Service
// ClusterIPs, headless Services' endpoint addresses, `a-b-c-d.<ns>.pod` ("pods insecure"), PTRs, the
// nameserver's own address. Names are compared lowercased; a miss is a name error (NXDOMAIN).

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { DnsService, DnsServicePort, ServiceDirectory } from './service-directory.js';

/** A msg.Service: an address (or a name) with the port and the domain its key spells. */
export interface BackendEntry {
  readonly ip: Ipv4Addr | undefined;
  /** A domain name (PTR targets) when `ip` is undefined. */
  readonly host: string;
  readonly port: number;
  /** msg.Domain(key): the owner name SRV and NS records point at. */
  readonly domain: string;
}

export type RecordsResult = { readonly ok: true; readonly entries: readonly BackendEntry[] } | { readonly ok: false; readonly nameError: true };

const OK_EMPTY: RecordsResult = { ok: true, entries: [] };
const NAME_ERROR: RecordsResult = { ok: false, nameError: true };

interface RecordRequest {
  readonly port: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly service: string;
  readonly namespace: string;
  readonly podOrSvc: '' | 'pod' | 'svc';
}

/** parseRequest: [_port._protocol.|endpoint.]service.namespace.(svc|pod).zone; undefined = invalid. */
export function parseRequest(name: string, zone: string): RecordRequest | undefined {
  const base = name === zone ? '' : name.slice(0, name.length - zone.length - 1);
  const empty: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  if (base === '' || base === 'svc' || base === 'pod') return empty;
  const segs = base.split('.');
  let last = segs.length - 1;
  const podOrSvc = segs[last];
  if (podOrSvc !== 'pod' && podOrSvc !== 'svc') return undefined;
  const at = (i: number): string => segs[i] ?? '';
  if (--last < 0) return { ...empty, podOrSvc };
  const namespace = at(last);
  if (--last < 0) return { ...empty, podOrSvc, namespace };
  const service = at(last);
  if (--last < 0) return { ...empty, podOrSvc, namespace, service };
  if (last === 0) return { ...empty, podOrSvc, namespace, service, endpoint: at(0) };
  if (last === 1) return { ...empty, podOrSvc, namespace, service, protocol: stripUnderscore(at(1)), port: stripUnderscore(at(0)) };
  return undefined;
}

function stripUnderscore(s: string): string {
  return s.startsWith('_') ? s.slice(1) : s;
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const matchPortProto = (p: DnsServicePort, r: RecordRequest): boolean => (r.port === '' || eq(r.port, p.name)) && (r.protocol === '' || eq(r.protocol, p.protocol));

/** endpointHostname: spec.hostname, else the IP with dots turned into dashes. */
export function endpointHostname(ip: Ipv4Addr, hostname: string | undefined): string {
  return hostname !== undefined && hostname !== '' ? hostname : formatIpv4(ip).replaceAll('.', '-');
}

/** Kubernetes.Records for a forward-zone name (lowercased, absolute, zone lowercased). */
export function records(dir: ServiceDirectory, name: string, zone: string): RecordsResult {
  const r = parseRequest(name, zone);
  if (!r) return NAME_ERROR;
  if (r.podOrSvc === '') return OK_EMPTY;
  if (!dir.hasNamespace(r.namespace)) return NAME_ERROR;
  return r.podOrSvc === 'pod' ? findPods(dir, r, zone) : findServices(dir, r, zone);
}

function findPods(dir: ServiceDirectory, r: RecordRequest, zone: string): RecordsResult {
  if (r.service === '') return OK_EMPTY;
  const dashes = r.service.split('-').length - 1;
  const ip = dashes === 3 && !r.service.includes('--') ? parseIpv4(r.service.replaceAll('-', '.')) : undefined;
  if (ip === undefined || !dir.hasNamespace(r.namespace)) return NAME_ERROR;
  return { ok: true, entries: [{ ip, host: formatIpv4(ip), port: 0, domain: `${r.service}.${r.namespace}.pod.${zone}` }] };
}

function findServices(dir: ServiceDirectory, r: RecordRequest, zone: string): RecordsResult {
  if (r.service === '') return OK_EMPTY;
  const svc = dir.service(r.namespace, r.service) ?? dir.services().find((s) => eq(s.namespace, r.namespace) && eq(s.name, r.service));
  if (!svc) return NAME_ERROR;
  const entries: BackendEntry[] = [];
  let found = false;
  const svcDomain = `${svc.name}.${svc.namespace}.svc.${zone}`;
  if (svc.clusterIps.length === 0 || r.endpoint !== '') {
    for (const a of svc.endpoints) {
      const hn = endpointHostname(a.ip, a.hostname);
      if (r.endpoint !== '' && !eq(r.endpoint, hn)) continue;
      for (const p of svc.endpointPorts) {
        if (!matchPortProto(p, r)) continue;
        found = true;
        entries.push({ ip: a.ip, host: formatIpv4(a.ip), port: p.port, domain: `${hn}.${svcDomain}` });
      }
    }
  } else {
    for (const p of svc.ports) {
      if (!matchPortProto(p, r)) continue;
      found = true;
      for (const ip of svc.clusterIps) entries.push({ ip, host: formatIpv4(ip), port: p.port, domain: svcDomain });
    }
  }
  return found ? { ok: true, entries } : NAME_ERROR;
}

/** reverse.go serviceRecordForIP: a ClusterIP names its Service, else every endpoint with that address. */
export function reverseNames(dir: ServiceDirectory, ip: Ipv4Addr, zone: string): string[] {
  const svc = dir.services().find((s) => s.clusterIps.includes(ip));
  if (svc) return [`${svc.name}.${svc.namespace}.svc.${zone}`];
  const out: string[] = [];
  for (const s of dir.services()) {
    for (const a of s.endpoints) if (a.ip === ip) out.push(`${endpointHostname(a.ip, a.hostname)}.${s.name}.${s.namespace}.svc.${zone}`);
  }
  return out;
}

/** dnsutil.ExtractAddressFromReverse for in-addr.arpa names. */
export function addressFromReverse(name: string): Ipv4Addr | undefined {
  const m = /^([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)\.in-addr\.arpa\.$/.exec(name);
  if (!m) return undefined;
  return parseIpv4(`${m[4]}.${m[3]}.${m[2]}.${m[1]}`);
}

/** ns.go nsAddrs: the Services whose endpoints include this CoreDNS pod (kube-dns), as name and address. */
export function nameserverAddrs(dir: ServiceDirectory, localIps: readonly Ipv4Addr[], zone: string): { name: string; ip: Ipv4Addr }[] {
  const out: { name: string; ip: Ipv4Addr }[] = [];
  for (const s of dir.services()) {
    if (!s.endpoints.some((a) => localIps.includes(a.ip))) continue;
    const name = `${s.name}.${s.namespace}.svc.${zone}`;
    if (s.clusterIps.length === 0) for (const a of s.endpoints) out.push({ name: `${endpointHostname(a.ip, a.hostname)}.${name}`, ip: a.ip });
    else for (const ip of s.clusterIps) out.push({ name, ip });
  }
  if (out.length === 0) for (const ip of localIps) out.push({ name: `ns.dns.${zone}`, ip });
  return out;
}

export type { DnsService };
