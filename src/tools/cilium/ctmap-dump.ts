// Layer tools (cilium): a CT map entry as pkg/maps/ctmap prints it. CtKey4Global.Dump with reverse=true
// (the addresses swapped back to the original direction, issue #5848) — "TCP OUT 10.0.0.1:40000 ->
// 10.0.0.2:80 " — then CtEntry.StringWithTimeDiff: "expires=N" in the datapath's clock units, an optional
// "(remaining: N sec(s))", counters, seen flags (%#02x), the flag names, RevNAT, SourceSecurityID and
// BackendID, ending in " \n". For -o json, the CtMapRecord as encoding/json sees it (ports in network order).

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { CtEntry } from '../../cilium/datapath/conntrack/ct-entry.js';
import { TUPLE_F_IN, TUPLE_F_RELATED, type CtTuple } from '../../cilium/datapath/conntrack/ct-tuple.js';

/** pkg/maps/ctmap's flag constants, bit by bit (Reserved1 is never named). */
const FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0x001, 'RxClosing'],
  [0x002, 'TxClosing'],
  [0x004, 'Nat64'],
  [0x008, 'LBLoopback'],
  [0x010, 'SeenNonSyn'],
  [0x020, 'NodePort'],
  [0x040, 'ProxyRedirect'],
  [0x080, 'DSRInternal'],
  [0x100, 'FromL7LB'],
  [0x400, 'FromTunnel'],
];

/** u8proto.U8proto.String(). */
export function protoName(p: number): string {
  return ({ 0: 'ANY', 1: 'ICMP', 6: 'TCP', 17: 'UDP', 58: 'ICMPv6', 132: 'SCTP' } as Readonly<Record<number, string>>)[p] ?? String(p);
}

/** Go's %#0<digits>x: "0x" and at least `digits` hex digits. */
export function goHex(v: number, digits: number): string {
  return `0x${v.toString(16).padStart(digits, '0')}`;
}

const ip = (a: number) => formatIpv4((a >>> 0) as Ipv4Addr);

/** CtKey4Global.Dump(reverse = true). */
export function dumpCtKey(k: Readonly<CtTuple>): string {
  const dir = (k.flags & TUPLE_F_IN) !== 0 ? 'IN' : 'OUT';
  const related = (k.flags & TUPLE_F_RELATED) !== 0 ? 'related ' : '';
  return `${protoName(k.nexthdr)} ${dir} ${ip(k.daddr)}:${k.sport} -> ${ip(k.saddr)}:${k.dport} ${related}`;
}

/** CtEntry.StringWithTimeDiff; `remaining` is toRemSecs(Lifetime) when -d asked for it. */
export function dumpCtEntry(e: Readonly<CtEntry>, remaining: string | undefined): string {
  const names = FLAG_NAMES.filter(([bit]) => (e.flags & bit) !== 0).map(([, n]) => `${n} `).join('');
  const flags = `Flags=${goHex(e.flags, 4)} [ ${names}]`;
  const diff = remaining === undefined ? '' : ` (${remaining})`;
  return (
    `expires=${e.lifetime}${diff} Packets=${e.packets} Bytes=${e.bytes} RxFlagsSeen=${goHex(e.rxFlagsSeen, 2)} LastRxReport=${e.lastRxReport} ` +
    `TxFlagsSeen=${goHex(e.txFlagsSeen, 2)} LastTxReport=${e.lastTxReport} ${flags} RevNAT=${e.revNat} SourceSecurityID=${e.srcSecId} BackendID=${e.backendId} \n`
  );
}

/** A uint16 kept in network byte order, as a little-endian host reads it. */
export function networkU16(v: number): number {
  return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
}

/** types.IPv4 ([4]byte) as encoding/json writes it: an array of numbers. */
export function ipBytes(a: number): number[] {
  return [(a >>> 24) & 0xff, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff];
}

/** The TupleKey4 fields of a key, as the embedded struct's JSON. */
export function jsonTupleKey(k: Readonly<CtTuple>): Record<string, unknown> {
  return { DestAddr: ipBytes(k.daddr), SourceAddr: ipBytes(k.saddr), DestPort: networkU16(k.dport), SourcePort: networkU16(k.sport), NextHeader: k.nexthdr, Flags: k.flags };
}

/** ctmap.CtMapRecord. */
export function jsonCtRecord(k: Readonly<CtTuple>, e: Readonly<CtEntry>): Record<string, unknown> {
  return {
    Key: jsonTupleKey(k),
    Value: {
      Reserved0: 0,
      BackendID: e.backendId,
      Packets: e.packets,
      Bytes: e.bytes,
      Lifetime: e.lifetime,
      Flags: e.flags,
      RevNAT: networkU16(e.revNat),
      Reserved4: 0,
      TxFlagsSeen: e.txFlagsSeen,
      RxFlagsSeen: e.rxFlagsSeen,
      SourceSecurityID: e.srcSecId,
      LastTxReport: e.lastTxReport,
      LastRxReport: e.lastRxReport,
    },
  };
}
