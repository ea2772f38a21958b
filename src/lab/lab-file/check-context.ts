// Layer lab (lab file): what the semantic checks share: the raw (field-parsed, not yet resolved) lab,
// a reporter that records an issue at a field path, and per-host views of connected subnets.
// Paths are in the lab file's own field names, so the loader can point at the line the user wrote.

import type { z } from 'zod';
import { formatCidr, network, type Ipv4Addr, type Ipv4Cidr } from '../../addr/index.js';
import { VBOX_NAT } from './interface-schema.js';
import type { LabFileErrorCode } from './lab-file-error.js';
import type { labFileFields } from './lab-file-schema.js';

export type RawLab = z.output<typeof labFileFields>;
export type RawHost = RawLab['hosts'][number];
export type RawInterface = RawHost['interfaces'][number];
export type FieldPath = readonly (string | number)[];

export interface ReportOptions {
  /** Point at the key of a mapping entry rather than at its value (unknown names used as keys). */
  readonly at?: 'key';
  /**
   * Where to point instead when `path` is not written in the file (its value is a default): the first
   * of these that is written. The error then names that path.
   */
  readonly fallback?: readonly FieldPath[];
}

export type Report = (path: FieldPath, code: LabFileErrorCode, message: string, opts?: ReportOptions) => void;

/** Wraps a zod refinement context into a Report. */
export function reporter(ctx: z.core.$RefinementCtx): Report {
  return (path, code, message, opts) => {
    const extra = { ...(opts?.at ? { at: opts.at } : {}), ...(opts?.fallback ? { fallback: opts.fallback } : {}) };
    ctx.addIssue({ code: 'custom', path: [...path], message, params: { code, ...extra } });
  };
}

/** An address of a host: the interface, its index in hosts[].interfaces, and the address with prefix. */
export interface HostAddress {
  readonly dev: string;
  readonly index: number;
  readonly addr: Ipv4Addr;
  readonly cidr: Ipv4Cidr;
  /** The connected subnet (network(cidr)). */
  readonly subnet: Ipv4Cidr;
  readonly nat: boolean;
}

/** The interface's address, with NAT's fixed 10.0.2.15/24 filled in. */
export function interfaceAddress(i: RawInterface): Ipv4Cidr | undefined {
  return i.nat ? VBOX_NAT.address : i.address;
}

export function hostAddresses(host: RawHost): HostAddress[] {
  const out: HostAddress[] = [];
  host.interfaces.forEach((i, index) => {
    const cidr = interfaceAddress(i);
    if (cidr) out.push({ dev: i.name, index, addr: cidr.addr, cidr, subnet: network(cidr), nat: i.nat });
  });
  return out;
}

/** "eth0 on k8s-ctr (VirtualBox NAT 10.0.2.0/24)" or "eth1 on k8s-ctr (192.168.10.0/24)" for messages. */
export function describeSubnet(host: string, a: HostAddress): string {
  return `${a.dev} on ${host} (${a.nat ? 'VirtualBox NAT ' : ''}${formatCidr(a.subnet)})`;
}

/** The hosts with role node, in host order, with their index in hosts[]. */
export function nodeHosts(lab: RawLab): { host: RawHost; index: number }[] {
  return lab.hosts.flatMap((host, index) => (host.role === 'node' ? [{ host, index }] : []));
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** ` (did you mean "x"?)` when a candidate is close enough, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
