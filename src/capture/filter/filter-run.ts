// Layer capture (filter): running a compiled filter the way libpcap's optimized BPF runs. A test whose
// bytes are not all captured (or that divides by zero) rejects the packet -- unless the optimizer removed
// it as dead: knowing only what the earlier tests on the path said, both of its outcomes lead to the same
// next live test (or the same answer). Each outcome is probed, later tests decided from path facts alone,
// undecided ones probed both ways in turn (dead if they converge); if both meet, the run goes on.

import { atom, decide, learn, type Facts } from './filter-facts.js';
import type { Node } from './filter-ir.js';
import { REJECT, type FilterPacket, type Pred } from './filter-program.js';

/** A test whose bytes this packet lacks. */
class Unevaluable {
  constructor(readonly test: Node) {}
}

/** Where a probe stopped: the first test its path's facts do not decide. */
class Stop {
  constructor(readonly test: Node) {}
}

/** The state of a probe: path facts so far, the forced test it starts from, whether it has. */
export interface Probe {
  facts: Facts;
  readonly from: Node;
  isPast: boolean;
}

/** Tests forced at most per packet before giving up (and rejecting). */
const MAX_FORCED = 12;

/** Wraps the closure of a test node: forced outcomes, REJECT as Unevaluable, and probing. */
export function test(n: Node, p: Pred): Pred {
  return (r) => {
    const forced = r.forced.get(n);
    const probe = r.probe;
    const a = atom(n);
    if (probe?.isPast) {
      const known = forced ?? (typeof a === 'boolean' ? a : a && decide(probe.facts, a));
      if (known === undefined) throw new Stop(n);
      return known;
    }
    let outcome: boolean;
    if (forced !== undefined) {
      outcome = forced;
      if (probe && probe.from === n) probe.isPast = true;
    } else {
      try {
        outcome = p(r);
      } catch (e) {
        if (e === REJECT) throw new Unevaluable(n);
        throw e;
      }
    }
    if (probe && a !== undefined && typeof a !== 'boolean') probe.facts = learn(probe.facts, a, outcome);
    return outcome;
  };
}

type ProbeEnd = { readonly result: boolean } | { readonly stop: Node } | 'lost';

function same(a: ProbeEnd, b: ProbeEnd): boolean {
  if (a === 'lost' || b === 'lost') return false;
  if ('result' in a) return 'result' in b && a.result === b.result;
  return 'stop' in b && a.stop === b.stop;
}

function probe(pred: Pred, pkt: FilterPacket, forced: ReadonlyMap<object, boolean>, from: Node): ProbeEnd {
  try {
    return { result: pred({ pkt, mem: [], forced, probe: { facts: new Map(), from, isPast: false } }) };
  } catch (e) {
    if (e instanceof Stop) return { stop: e.test };
    if (e instanceof Unevaluable) return 'lost';
    throw e;
  }
}

/** Where the path from `from` leads: past dead tests, to the first live test or the answer. */
function next(pred: Pred, pkt: FilterPacket, forced: ReadonlyMap<object, boolean>, from: Node): ProbeEnd {
  const end = probe(pred, pkt, forced, from);
  if (end === 'lost' || !('stop' in end) || forced.size >= MAX_FORCED) return end;
  const a = next(pred, pkt, new Map(forced).set(end.stop, true), from);
  return same(a, next(pred, pkt, new Map(forced).set(end.stop, false), from)) ? a : end;
}

function evaluate(pred: Pred, pkt: FilterPacket, forced: ReadonlyMap<object, boolean>): boolean {
  try {
    return pred({ pkt, mem: [], forced, probe: undefined });
  } catch (e) {
    if (!(e instanceof Unevaluable)) throw e;
    if (forced.size >= MAX_FORCED) return false;
    const ifTrue = new Map(forced).set(e.test, true);
    const a = next(pred, pkt, ifTrue, e.test);
    if (a === 'lost' || !same(a, next(pred, pkt, new Map(forced).set(e.test, false), e.test))) return false;
    return 'result' in a ? a.result : evaluate(pred, pkt, ifTrue);
  }
}

/** Runs a compiled filter on one packet. */
export function runFilter(pred: Pred, pkt: FilterPacket): boolean {
  return evaluate(pred, pkt, new Map());
}
