// Layer apps: the kubernetes plugin's ServeDNS (coredns plugin/kubernetes/handler.go with the record
// builders of plugin/backend_lookup.go): per query type it answers authoritatively, answers NODATA or
// NXDOMAIN with the zone's SOA in the authority section, refuses transfers, or falls through (reverse
// zones) to the next plugin, `forward`. Owner names keep the case the client used.

import type { Ipv4Addr } from '../../addr/index.js';
import { DNS_CLASS, DNS_RCODE, DNS_TYPE, type DnsQuestion, type DnsRecord } from '../../wire/index.js';
import { addressFromReverse, nameserverAddrs, records, reverseNames, type BackendEntry, type RecordsResult } from './k8s-records.js';
import type { ServiceDirectory } from './service-directory.js';

export interface KubernetesPluginConfig {
  /** Zones as in `kubernetes cluster.local in-addr.arpa ip6.arpa`, absolute and lowercase. */
  readonly zones: readonly string[];
  /** `fallthrough in-addr.arpa ip6.arpa`. */
  readonly fallthrough: readonly string[];
  /** `ttl 30`. */
  readonly ttl: number;
  /** This CoreDNS pod's own addresses (for the NS record). */
  readonly localIps: readonly Ipv4Addr[];
}

export type PluginResult =
  | { readonly kind: 'reply'; readonly rcode: number; readonly answers: readonly DnsRecord[]; readonly authorities: readonly DnsRecord[]; readonly additionals: readonly DnsRecord[] }
  | { readonly kind: 'next' };

/** The DNS schema version the plugin serves at dns-version.<zone> (plugin/kubernetes DNSSchemaVersion). */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** The longest configured zone that `name` (lowercase, absolute) lies in. */
export function matchZone(zones: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  for (const z of zones) {
    const inZone = z === '.' || name === z || name.endsWith(`.${z}`);
    if (inZone && (best === undefined || z.length > best.length)) best = z;
  }
  return best;
}

export function serveKubernetes(dir: ServiceDirectory, cfg: KubernetesPluginConfig, q: DnsQuestion): PluginResult {
  const name = q.name.toLowerCase();
  const zoneLower = matchZone(cfg.zones, name);
  if (zoneLower === undefined) return { kind: 'next' };
  const zone = q.name.slice(q.name.length - zoneLower.length);
  const rr = (type: number, ttl: number, data: DnsRecord['data'], owner = q.name): DnsRecord => ({ name: owner, type, class: DNS_CLASS.IN, ttl, data });
  const soa = (): DnsRecord =>
    rr(DNS_TYPE.SOA, Math.min(cfg.ttl, 300), { kind: 'soa', mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, serial: dir.serial() >>> 0, refresh: 7200, retry: 1800, expire: 86400, minimum: cfg.ttl }, zone);
  const services = (): RecordsResult => {
    if (name === `ns.dns.${zoneLower}`) {
      const ns = nameserverAddrs(dir, cfg.localIps, zoneLower);
      return { ok: true, entries: ns.map((n) => ({ ip: n.ip, host: '', port: 0, domain: name })) };
    }
    return records(dir, name, zoneLower);
  };
  let answers: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  let result: RecordsResult = { ok: true, entries: [] };
  switch (q.type) {
    case DNS_TYPE.A:
      result = services();
      if (result.ok) answers = dedupeByIp(result.entries).map((e) => rr(DNS_TYPE.A, cfg.ttl, { kind: 'a', address: e.ip as Ipv4Addr }));
      break;
    case DNS_TYPE.AAAA:
    case DNS_TYPE.MX:
    case DNS_TYPE.CNAME:
      result = services();
      break;
    case DNS_TYPE.TXT: {
      const base = name === zoneLower ? '' : name.slice(0, name.length - zoneLower.length - 1);
      if (base === 'dns-version') answers = [rr(DNS_TYPE.TXT, 28800, { kind: 'txt', texts: [DNS_SCHEMA_VERSION] })];
      else {
        const r = records(dir, name, zoneLower);
        result = r.ok && r.entries.length > 0 ? { ok: true, entries: [] } : { ok: false, nameError: true };
      }
      break;
    }
    case DNS_TYPE.PTR: {
      const ip = addressFromReverse(name);
      if (ip === undefined) result = records(dir, name, zoneLower);
      else {
        const targets = reverseNames(dir, ip, cfg.zones[0] ?? 'cluster.local.');
        if (targets.length === 0) result = { ok: false, nameError: true };
        answers = [...new Set(targets)].map((t) => rr(DNS_TYPE.PTR, cfg.ttl, { kind: 'ptr', target: t }));
      }
      break;
    }
    case DNS_TYPE.SRV:
      result = services();
      if (result.ok) srvRecords(result.entries, cfg.ttl, rr, answers, extra);
      break;
    case DNS_TYPE.SOA:
      if (name === zoneLower) answers = [soa()];
      break;
    case DNS_TYPE.AXFR:
    case DNS_TYPE.IXFR:
      return { kind: 'reply', rcode: DNS_RCODE.REFUSED, answers: [], authorities: [], additionals: [] };
    case DNS_TYPE.NS:
      if (name === zoneLower) {
        for (const n of nameserverAddrs(dir, cfg.localIps, zoneLower)) {
          if (!answers.some((a) => a.data.kind === 'ns' && a.data.target === n.name)) answers.push(rr(DNS_TYPE.NS, cfg.ttl, { kind: 'ns', target: n.name }));
          extra.push(rr(DNS_TYPE.A, cfg.ttl, { kind: 'a', address: n.ip }, n.name));
        }
        break;
      }
      result = services();
      break;
    default:
      result = services();
  }
  if (!result.ok) {
    if (cfg.fallthrough.some((z) => name === z || name.endsWith(`.${z}`))) return { kind: 'next' };
    return { kind: 'reply', rcode: DNS_RCODE.NXDOMAIN, answers: [], authorities: [soa()], additionals: [] };
  }
  if (answers.length === 0) return { kind: 'reply', rcode: DNS_RCODE.NOERROR, answers: [], authorities: [soa()], additionals: [] };
  return { kind: 'reply', rcode: DNS_RCODE.NOERROR, answers, authorities: [], additionals: extra };
}

function dedupeByIp(entries: readonly BackendEntry[]): BackendEntry[] {
  const seen = new Set<number>();
  return entries.filter((e) => e.ip !== undefined && !seen.has(e.ip) && seen.add(e.ip) !== undefined);
}

/** backend_lookup.go SRV: priority 0, weight 100/n (at least 1), the target's A record in the additional section. */
function srvRecords(entries: readonly BackendEntry[], ttl: number, rr: (type: number, ttl: number, data: DnsRecord['data'], owner?: string) => DnsRecord, answers: DnsRecord[], extra: DnsRecord[]): void {
  const weight = Math.max(1, Math.floor((100 / (100 * entries.length)) * 100));
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.ip === undefined) continue;
    const srvKey = `${e.domain}|${e.port}`;
    if (!seen.has(srvKey)) answers.push(rr(DNS_TYPE.SRV, ttl, { kind: 'srv', priority: 0, weight, port: e.port, target: e.domain }));
    seen.add(srvKey);
    const aKey = `${e.domain}|${e.ip}|a`;
    if (!seen.has(aKey)) extra.push(rr(DNS_TYPE.A, ttl, { kind: 'a', address: e.ip }, e.domain));
    seen.add(aKey);
  }
}
