// Layer capture (filter): libpcap's "expression rejects all packets". The BPF optimizer numbers the values
// it loads and threads each jump past tests its path already decided ("tcp and udp": the protocol byte
// cannot be both 6 and 17); where paths meet at an undecided test, only what they all know survives. When
// no edge reaches the accept, pcap_compile() fails. This follows the same edges through the test tree.

import { atom, decide, learn, type Fact, type Facts } from './filter-facts.js';
import type { Node } from './filter-ir.js';

/** Incoming edges beyond this are merged into one, as a very branchy filter's edges would be. */
const MAX_EDGES = 64;

/** What holds on every one of several edges (the facts at a block they all lead to). */
function meet(edges: readonly Facts[]): Facts {
  const [first, ...rest] = edges;
  const out = new Map<string, Fact>();
  for (const [key, f] of first ?? new Map<string, Fact>()) {
    const others = rest.map((e) => e.get(key));
    if (others.some((o) => o === undefined)) continue;
    const all = [f, ...(others as Fact[])];
    const eq = all.every((x) => x.eq !== undefined && x.eq === f.eq) ? f.eq : undefined;
    const excludes = (x: Fact, w: number) => x.neq.includes(w) || (x.eq !== undefined && x.eq !== w);
    const neq = [...new Set(all.flatMap((x) => x.neq))].filter((w) => all.every((x) => excludes(x, w)));
    const other = Object.fromEntries(Object.entries(f.other).filter(([k, v]) => all.every((x) => x.other[k] === v)));
    out.set(key, eq === undefined ? { neq, other } : { eq, neq, other });
  }
  return out;
}

interface Flow {
  readonly ifTrue: readonly Facts[];
  readonly ifFalse: readonly Facts[];
}

/**
 * The edges leaving a test tree, given those entering it. An edge whose facts decide a test skips it (the
 * optimizer threads the jump); the edges that do not are merged at the test, keeping only common facts.
 */
function flow(n: Node, inputs: readonly Facts[]): Flow {
  if (inputs.length === 0) return { ifTrue: [], ifFalse: [] };
  switch (n.t) {
    case 'not': {
      const f = flow(n.a, inputs);
      return { ifTrue: f.ifFalse, ifFalse: f.ifTrue };
    }
    case 'and': {
      const a = flow(n.a, inputs);
      const b = flow(n.b, a.ifTrue);
      return { ifTrue: b.ifTrue, ifFalse: [...a.ifFalse, ...b.ifFalse] };
    }
    case 'or': {
      const a = flow(n.a, inputs);
      const b = flow(n.b, a.ifFalse);
      return { ifTrue: [...a.ifTrue, ...b.ifTrue], ifFalse: b.ifFalse };
    }
    default: {
      const a = atom(n);
      if (a === undefined) return { ifTrue: inputs, ifFalse: inputs };
      if (typeof a === 'boolean') return a ? { ifTrue: inputs, ifFalse: [] } : { ifTrue: [], ifFalse: inputs };
      const ifTrue: Facts[] = [];
      const ifFalse: Facts[] = [];
      const undecided: Facts[] = [];
      for (const e of inputs) {
        const d = decide(e, a);
        (d === undefined ? undecided : d ? ifTrue : ifFalse).push(e);
      }
      if (undecided.length > 0) {
        const merged = meet(undecided);
        ifTrue.push(learn(merged, a, true));
        ifFalse.push(learn(merged, a, false));
      }
      return { ifTrue: cap(ifTrue), ifFalse: cap(ifFalse) };
    }
  }
}

function cap(edges: Facts[]): Facts[] {
  return edges.length > MAX_EDGES ? [meet(edges)] : edges;
}

/** @example rejectsAll(compile('tcp and udp')) === true */
export function rejectsAll(n: Node): boolean {
  return flow(n, [new Map()]).ifTrue.length === 0;
}
