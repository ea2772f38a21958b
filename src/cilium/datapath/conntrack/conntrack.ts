// Layer cilium (conntrack): the node's CT maps and bpf/lib/conntrack.h's lookups and creations for IPv4.
// A lookup (ct_lookup4) matches the packet's tuple as is against the opposite direction first (a reply or a
// related ICMP error), then, for SCOPE_BIDIR, the reversed tuple (its own connection); a hit refreshes the
// lifetime (SYN timeout until a non-SYN is seen, then the TCP or non-TCP lifetime, the close timeout once
// both sides closed) and ORs the TCP flags into the direction's seen flags. The BPF side never looks at the
// lifetime: only the agent's GC removes an expired entry. CT_SERVICE (per-packet LB) is not modelled.

import { IPPROTO_ICMP, IPPROTO_TCP } from '../../../wire/index.js';
import type { ConntrackConfig } from '../../agent-config.js';
import type { Machine } from '../../../net/machine.js';
import type { Scheduler } from '../../../sim/index.js';
import { bpfMonoNow, bpfSecToMono, ktimeSec } from './bpf-mono.js';
import { CT_FROM_TUNNEL, CT_RX_CLOSING, CT_SEEN_NON_SYN, CT_TX_CLOSING, ctEntryAlive, newCtEntry, type CtEntry } from './ct-entry.js';
import { TUPLE_F_IN, TUPLE_F_OUT, TUPLE_F_RELATED, ctTupleFlipDir, ctTupleReverse, type CtPacket, type CtTuple } from './ct-tuple.js';
import { LookupMemo, type MemoHit } from './ct-lookup-memo.js';
import { TupleMap } from './tuple-map.js';

export type CtDir = 'egress' | 'ingress';
export type CtScope = 'forward' | 'reverse' | 'bidir';
export type CtStatus = 'new' | 'established' | 'reply' | 'related';

/** The ct_state a new entry takes its fields from (ct_create_fill_entry). */
export interface CtCreateState {
  readonly srcSecId: number;
  readonly isFromTunnel?: boolean;
}

const TCP_FIN = 0x01;
const TCP_SYN = 0x02;
const TCP_RST = 0x04;
const TCP_ACK = 0x10;

type CtAction = 'unspec' | 'create' | 'close';

/** The CT_* lifetimes as compiled in: bpf_sec_to_mono() of the agent's settings. */
interface CtDefines {
  readonly config: ConntrackConfig;
  readonly lifetimeTcp: number;
  readonly lifetimeNonTcp: number;
  readonly synTimeout: number;
  readonly closeTimeout: number;
  readonly reportInterval: number;
}

/** The agent's GC as the maps see it: before every access it catches up with the clock, if a scan is due. */
export interface CtGcHook {
  readonly dueUs: number;
  catchUp(nowUs: number): void;
}

export class Conntrack {
  readonly tcp = new TupleMap<CtEntry>('cilium_ct4_global');
  readonly any = new TupleMap<CtEntry>('cilium_ct_any4_global');

  gc: CtGcHook | undefined;
  private defs: CtDefines | undefined;
  private readonly memo = new LookupMemo();

  constructor(
    private readonly machine: Machine,
    private readonly scheduler: Scheduler,
  ) {}

  /** bpf_mono_now() with the datapath's clock source (ktime inline: this runs for every packet). */
  now(c: ConntrackConfig): number {
    if (c.clockSource === 'ktime') return ktimeSec(this.machine, this.scheduler.nowUs);
    return bpfMonoNow(c.clockSource, this.machine, this.scheduler.nowUs);
  }

  /** get_ct_map4. */
  mapOf(t: Readonly<CtTuple>): TupleMap<CtEntry> {
    return t.nexthdr === IPPROTO_TCP ? this.tcp : this.any;
  }

  /** ct_lookup4 on a packet from ctPacket4; afterwards its tuple is what the BPF one is (the forward key after a bidir miss). */
  lookup4(p: CtPacket, dir: CtDir, scope: CtScope, c: ConntrackConfig): CtStatus {
    p.flags = selectTupleType(dir, scope) | (p.flags & TUPLE_F_RELATED);
    if (scope === 'forward') ctTupleReverse(p);
    return this.lookupTuple(p, dir, scope, c);
  }

  /** ct_lazy_lookup4: a tuple already laid out as a key; only the direction flag is set. */
  lazyLookup4(p: CtPacket, dir: CtDir, scope: CtScope, c: ConntrackConfig): CtStatus {
    p.flags = selectTupleType(dir, scope);
    return this.lookupTuple(p, dir, scope, c);
  }

  /** ct_create4: the entry for the tuple (and, given `withRelated`, an ICMP entry relating errors to it). */
  create4(p: CtPacket, dir: CtDir, state: CtCreateState | undefined, c: ConntrackConfig, opts: { withRelated: boolean }): void {
    this.beforeAccess();
    const isTcp = p.nexthdr === IPPROTO_TCP;
    const e = newCtEntry();
    if (state) {
      e.srcSecId = state.srcSecId;
      if (state.isFromTunnel) e.flags |= CT_FROM_TUNNEL;
    }
    this.updateTimeout(e, isTcp, dir, isTcp ? TCP_SYN : 0, this.definesOf(c), this.now(c));
    if (opts.withRelated) {
      this.any.update({ daddr: p.daddr, saddr: p.saddr, dport: 0, sport: 0, nexthdr: IPPROTO_ICMP, flags: p.flags | TUPLE_F_RELATED }, { ...e });
    }
    if (c.accounting) {
      e.packets = 1;
      e.bytes = p.len;
    }
    this.mapOf(p).update(p, e);
  }

  /** ct_is_reply4: is there an entry the packet's tuple answers (an IN entry)? */
  isReply4(t: CtTuple): boolean {
    this.beforeAccess();
    const flags = t.flags;
    t.flags = TUPLE_F_IN;
    const hit = this.mapOf(t).lookup(t) !== undefined;
    t.flags = flags;
    return hit;
  }

  /** __ct_lookup4 (a packet like the last one, while the map is unchanged, skips the hashing: see LookupMemo). */
  private lookupTuple(p: CtPacket, dir: CtDir, scope: CtScope, c: ConntrackConfig): CtStatus {
    this.beforeAccess();
    const d = this.definesOf(c);
    const now = this.now(c);
    const action = p.nexthdr === IPPROTO_TCP ? selectAction(p.tcpFlags) : 'unspec';
    const map = this.mapOf(p);
    // Only a packet that changes no entry's state is memoised: a SYN, FIN or RST takes the full path.
    const memo = action === 'unspec' ? this.memo : undefined;
    if (memo?.answers(map, dir, scope, p)) return this.replay(p, memo.hit, memo.entry, dir, scope, d, now);
    memo?.record(map, dir, scope, p, 'none', undefined);
    let e: CtEntry | undefined;
    if (scope !== 'forward') {
      e = map.lookup(p);
      if (e && this.touch(e, p, action, dir, d, now)) {
        memo?.found('first', e);
        return (p.flags & TUPLE_F_RELATED) !== 0 ? 'related' : 'reply';
      }
      if (scope === 'reverse') return 'new';
      ctTupleReverse(p);
      ctTupleFlipDir(p);
    }
    e = map.lookup(p);
    if (!e || !this.touch(e, p, action, dir, d, now)) return 'new';
    memo?.found('second', e);
    return 'established';
  }

  /** The same lookup again, from what the memo knows matched. */
  private replay(p: CtPacket, hit: MemoHit, e: CtEntry | undefined, dir: CtDir, scope: CtScope, d: CtDefines, now: number): CtStatus {
    if (hit === 'first' && e) {
      this.touch(e, p, 'unspec', dir, d, now);
      return (p.flags & TUPLE_F_RELATED) !== 0 ? 'related' : 'reply';
    }
    if (scope === 'bidir') {
      ctTupleReverse(p);
      ctTupleFlipDir(p);
    }
    if (hit === 'none' || !e) return 'new';
    this.touch(e, p, 'unspec', dir, d, now);
    return 'established';
  }

  /** __ct_lookup on a hit: refresh, account, apply what a SYN, FIN or RST does; false when a SYN reopens a closing entry (CT_NEW). */
  private touch(e: CtEntry, p: CtPacket, action: CtAction, dir: CtDir, d: CtDefines, now: number): boolean {
    const isTcp = p.nexthdr === IPPROTO_TCP;
    const tcpFlags = p.tcpFlags;
    if (ctEntryAlive(e)) this.updateTimeout(e, isTcp, dir, tcpFlags, d, now);
    if (d.config.accounting) {
      e.packets++;
      e.bytes += p.len;
    }
    if (action === 'create' && (e.flags & (CT_RX_CLOSING | CT_TX_CLOSING)) !== 0) {
      e.flags &= ~(CT_RX_CLOSING | CT_TX_CLOSING | CT_SEEN_NON_SYN);
      e.rxFlagsSeen = 0;
      e.txFlagsSeen = 0;
      this.updateTimeout(e, isTcp, dir, tcpFlags, d, now);
      return false;
    }
    if (action === 'close') {
      const bothSyns = (e.rxFlagsSeen & TCP_SYN) !== 0 && (e.txFlagsSeen & TCP_SYN) !== 0;
      if (!bothSyns && (tcpFlags & TCP_RST) !== 0) e.flags |= CT_RX_CLOSING | CT_TX_CLOSING;
      else e.flags |= dir === 'ingress' ? CT_RX_CLOSING : CT_TX_CLOSING;
      if (!ctEntryAlive(e)) this.stamp(e, d.closeTimeout, dir, tcpFlags, d, now);
    }
    return true;
  }

  /** ct_update_timeout: SYN timeout until a non-SYN is seen on a TCP entry, then the established lifetime. */
  private updateTimeout(e: CtEntry, isTcp: boolean, dir: CtDir, tcpFlags: number, d: CtDefines, now: number): void {
    let lifetime = d.lifetimeNonTcp;
    if (isTcp) {
      if ((tcpFlags & TCP_SYN) === 0) e.flags |= CT_SEEN_NON_SYN;
      lifetime = (e.flags & CT_SEEN_NON_SYN) !== 0 ? d.lifetimeTcp : d.synTimeout;
    }
    this.stamp(e, lifetime, dir, tcpFlags, d, now);
  }

  /** __ct_update_timeout: the new lifetime; a direction's flags and report stamp when it is time to report. */
  private stamp(e: CtEntry, lifetime: number, dir: CtDir, tcpFlags: number, d: CtDefines, now: number): void {
    e.lifetime = now + lifetime;
    const isIngress = dir === 'ingress';
    const accumulated = isIngress ? e.rxFlagsSeen : e.txFlagsSeen;
    const last = isIngress ? e.lastRxReport : e.lastTxReport;
    const seen = (tcpFlags & d.config.reportFlags & 0xff) | accumulated;
    if (last + d.reportInterval < now || accumulated !== seen) {
      if (isIngress) {
        e.rxFlagsSeen = seen;
        e.lastRxReport = now;
      } else {
        e.txFlagsSeen = seen;
        e.lastTxReport = now;
      }
    }
  }

  private beforeAccess(): void {
    const nowUs = this.scheduler.nowUs;
    if (this.gc !== undefined && nowUs >= this.gc.dueUs) this.gc.catchUp(nowUs);
  }

  /** The defines of the datapath compiled with `c` (recomputed when the agent recompiles with other settings). */
  private definesOf(c: ConntrackConfig): CtDefines {
    if (this.defs?.config === c) return this.defs;
    const mono = (s: number) => bpfSecToMono(c.clockSource, s);
    this.defs = { config: c, lifetimeTcp: mono(c.lifetimeTcpS), lifetimeNonTcp: mono(c.lifetimeNonTcpS), synTimeout: mono(c.synTimeoutS), closeTimeout: mono(c.closeTimeoutS), reportInterval: mono(c.reportIntervalS) };
    return this.defs;
  }
}

/** ct_lookup_select_tuple_type: the forward scope looks for its own direction, the others for the opposite first. */
function selectTupleType(dir: CtDir, scope: CtScope): number {
  if (scope === 'forward') return dir === 'egress' ? TUPLE_F_OUT : TUPLE_F_IN;
  return dir === 'egress' ? TUPLE_F_IN : TUPLE_F_OUT;
}

/** ct_tcp_select_action. */
function selectAction(flags: number): CtAction {
  if ((flags & (TCP_RST | TCP_FIN)) !== 0) return 'close';
  if ((flags & TCP_SYN) !== 0 && (flags & TCP_ACK) === 0) return 'create';
  return 'unspec';
}
