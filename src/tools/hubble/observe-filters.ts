// Layer tools (hubble): the filter flags of `hubble observe` turned into FlowFilters as hubble's
// flowFilter does (cmd/observe/flows_filter.go): "--pod x" fills source_pod of a left filter and
// destination_pod of a right one (either side matches), --namespace adds "ns/" to both, "--not" sends
// the next flag to the denylist, and conflicting flags are refused with hubble's message.

import { dropCodeOfEnum, MESSAGE_TYPE, OBS_POINTS, type FlowFilter } from '../../observe/index.js';

type Mutable = { -readonly [K in keyof FlowFilter]?: Array<NonNullable<FlowFilter[K]>[number]> };

const CONFLICTS: readonly (readonly string[])[] = [
  ['from-ip', 'ip', 'from-namespace', 'namespace'],
  ['from-ip', 'ip', 'from-pod', 'pod'],
  ['to-ip', 'ip', 'to-namespace', 'namespace'],
  ['to-ip', 'ip', 'to-pod', 'pod'],
  ['to-pod', 'namespace'],
  ['from-pod', 'namespace'],
  ['label', 'from-label'],
  ['label', 'to-label'],
  ['port', 'to-port'],
  ['port', 'from-port'],
  ['identity', 'to-identity'],
  ['identity', 'from-identity'],
];

const VERDICTS = ['VERDICT_UNKNOWN', 'FORWARDED', 'DROPPED', 'ERROR', 'AUDIT', 'REDIRECTED', 'TRACED', 'TRANSLATED'];

class Tracker {
  left: Mutable | undefined;
  right: Mutable | undefined;
  readonly ns: string[] = [];
  readonly srcNs: string[] = [];
  readonly dstNs: string[] = [];
  readonly changed: string[] = [];

  both(key: keyof Mutable, v: unknown): undefined {
    this.side('left', key, v);
    this.side('right', key, v);
    return undefined;
  }

  side(which: 'left' | 'right', key: keyof Mutable, v: unknown): undefined {
    const f = (this[which] ??= {});
    ((f[key] ??= []) as unknown[]).push(v);
    return undefined;
  }

  /** flowFilters(): namespaces folded into the pod filters; one filter when both sides are equal. */
  filters(): FlowFilter[] {
    if (!this.left && !this.right && this.ns.length + this.srcNs.length + this.dstNs.length === 0) return [];
    const left: Mutable = this.left ?? {};
    const right: Mutable = this.right ?? {};
    const add = (f: Mutable, key: 'sourcePod' | 'destinationPod', nss: readonly string[]) => {
      if (nss.length === 0) return;
      const names = f[key] && f[key].length > 0 ? f[key] : [''];
      f[key] = names.flatMap((n) => (n.includes('/') ? [n] : nss.map((ns) => `${ns}/${n}`)));
    };
    for (const f of [left, right]) {
      add(f, 'destinationPod', this.dstNs);
      add(f, 'sourcePod', this.srcNs);
    }
    add(left, 'sourcePod', this.ns);
    add(right, 'destinationPod', this.ns);
    return JSON.stringify(left) === JSON.stringify(right) ? [left] : [left, right];
  }
}

export class ObserveFilters {
  private readonly allow = new Tracker();
  private readonly deny = new Tracker();
  private isNegating = false;

  get isTrailingNot(): boolean {
    return this.isNegating;
  }

  /** Applies one filter flag; returns hubble's error text when it is refused. */
  set(name: string, val: string): string | undefined {
    if (name === 'not') {
      if (this.isNegating) return 'consecutive --not statements';
      this.isNegating = true;
      return undefined;
    }
    const t = this.isNegating ? this.deny : this.allow;
    this.isNegating = false;
    if (!t.changed.includes(name)) t.changed.push(name);
    for (const group of CONFLICTS) {
      for (const flag of group.filter((g) => t.changed.includes(g))) {
        const other = group.find((g) => g !== flag && t.changed.includes(g));
        if (other !== undefined) return `filters --${flag} and --${other} cannot be combined`;
      }
    }
    return this.apply(t, name, val);
  }

  private apply(t: Tracker, name: string, val: string): string | undefined {
    const pair = (src: keyof Mutable, dst: keyof Mutable, v: unknown): undefined => {
      t.side('left', src, v);
      return t.side('right', dst, v);
    };
    switch (name) {
      case 'pod': return pair('sourcePod', 'destinationPod', val);
      case 'from-pod': return t.both('sourcePod', val);
      case 'to-pod': return t.both('destinationPod', val);
      case 'ip': return pair('sourceIp', 'destinationIp', val);
      case 'from-ip': return t.both('sourceIp', val);
      case 'to-ip': return t.both('destinationIp', val);
      case 'port': return pair('sourcePort', 'destinationPort', val);
      case 'from-port': return t.both('sourcePort', val);
      case 'to-port': return t.both('destinationPort', val);
      case 'label': return pair('sourceLabel', 'destinationLabel', val);
      case 'from-label': return t.both('sourceLabel', val);
      case 'to-label': return t.both('destinationLabel', val);
      case 'namespace': return void t.ns.push(val);
      case 'from-namespace': return void t.srcNs.push(val);
      case 'to-namespace': return void t.dstNs.push(val);
      case 'protocol': return t.both('protocol', val);
      case 'node-name': return t.both('nodeName', val);
      case 'verdict':
        if (!VERDICTS.includes(val)) return `invalid --verdict value: ${val}`;
        return t.both('verdict', val);
      case 'drop-reason-desc':
        if (val === '') return 'empty --drop-reason-desc value';
        if (dropCodeOfEnum(val) === undefined) return `invalid --drop-reason-desc value: ${val}`;
        return t.both('dropReasonDesc', val);
      case 'traffic-direction': {
        const td = val.toLowerCase();
        if (td !== 'ingress' && td !== 'egress') return `${td}: invalid traffic direction, expected ingress or egress`;
        return t.both('trafficDirection', td.toUpperCase());
      }
      case 'identity':
      case 'from-identity':
      case 'to-identity':
        return this.identity(t, name, val);
      case 'type':
        return this.eventType(t, val);
      case 'tcp-flags':
        return this.tcpFlags(t, val);
      default:
        return undefined;
    }
  }

  private identity(t: Tracker, name: string, val: string): string | undefined {
    const reserved = ['unknown', 'host', 'world', 'unmanaged', 'health', 'init', 'remote-node', 'kube-apiserver', 'ingress', 'world-ipv4', 'world-ipv6'];
    const id = /^\d+$/.test(val) ? Number(val) : reserved.indexOf(val);
    if (id < 0) return `invalid security identity, expected one of [${reserved.join(' ')}] or a numeric value`;
    if (name === 'identity') {
      t.side('left', 'sourceIdentity', id);
      t.side('right', 'destinationIdentity', id);
    } else t.both(name === 'from-identity' ? 'sourceIdentity' : 'destinationIdentity', id);
    return undefined;
  }

  private eventType(t: Tracker, val: string): string | undefined {
    const [typ, sub] = val.split(':', 2) as [string, string | undefined];
    const known = (MESSAGE_TYPE as Readonly<Record<string, number>>)[typ];
    const type = known ?? (/^\d+$/.test(typ) ? Number(typ) : undefined);
    if (type === undefined) return `unable to parse type '${typ}', not a known type name and unable to parse as numeric value: strconv.ParseUint: parsing ${JSON.stringify(typ)}: invalid syntax`;
    if (sub === undefined) return t.both('eventType', { type });
    const point = type === MESSAGE_TYPE.trace ? (OBS_POINTS as readonly string[]).indexOf(sub) : -1;
    const subType = point >= 0 ? point : /^\d+$/.test(sub) ? Number(sub) : undefined;
    if (subType === undefined) return `unable to parse event sub-type '${sub}', not a known sub-type name and unable to parse as numeric value: strconv.ParseUint: parsing ${JSON.stringify(sub)}: invalid syntax`;
    return t.both('eventType', { type, subType });
  }

  private tcpFlags(t: Tracker, val: string): string | undefined {
    const bits: Readonly<Record<string, number>> = { SYN: 0x02, FIN: 0x01, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80, NS: 0x100 };
    let mask = 0;
    for (const f of val.split(',')) {
      const b = bits[f.toUpperCase()];
      if (b === undefined) return `unknown tcp flag: ${f}`;
      mask |= b;
    }
    return t.both('tcpFlags', mask);
  }

  allowlist(): FlowFilter[] {
    return this.allow.filters();
  }

  denylist(): FlowFilter[] {
    return this.deny.filters();
  }
}
