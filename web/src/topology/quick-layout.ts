// web (topology): a first layout of the graph in a millisecond, in the page's thread, drawn while ELK (in
// its worker) is still loading and warming up; ELK's layout replaces it when it arrives. The same idea as
// ELK's layered algorithm, done simply: in every box (the page, a network, a VM) the children are put in
// rows by the longest path along the edges between them (an edge between descendants counts for the
// children holding them), rows top to bottom, centred, with ELK's spacing and padding.

import type { Positions } from './elk-layout.js';
import type { Graph, GraphNode } from './graph-model.js';

const NODE_GAP = 16;
const ROW_GAP = 30;
const PAD = { top: 28, left: 10, bottom: 10, right: 10 } as const;

interface Sized {
  readonly width: number;
  readonly height: number;
  /** Leaf centres relative to this box's top-left corner. */
  readonly leaves: ReadonlyMap<string, { x: number; y: number }>;
}

/** Centres of the leaf nodes, in one coordinate space (as layoutGraph gives them). */
export function quickLayout(g: Graph): Positions {
  const children = new Map<string | undefined, GraphNode[]>();
  for (const n of g.nodes) {
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const parentOf = new Map(g.nodes.map((n) => [n.id, n.parent] as const));
  /** The ancestor of `id` (or itself) that is a child of `box`, if `id` lies inside `box`. */
  const childOf = (id: string, box: string | undefined): string | undefined => {
    let cur: string | undefined = id;
    while (cur !== undefined) {
      const p = parentOf.get(cur);
      if (p === box) return cur;
      cur = p;
    }
    return undefined;
  };
  const edges = g.edges.filter((e) => e.kind !== 'tunnel');

  const place = (box: string | undefined): Sized => {
    const kids = children.get(box) ?? [];
    const sized = new Map<string, Sized>();
    for (const k of kids) {
      const inner = children.has(k.id) ? place(k.id) : undefined;
      sized.set(k.id, inner ?? { width: k.width, height: k.height, leaves: new Map([[k.id, { x: k.width / 2, y: k.height / 2 }]]) });
    }
    const rows = layers(
      kids.map((k) => k.id),
      edges.flatMap((e) => {
        const a = childOf(e.source, box);
        const b = childOf(e.target, box);
        return a !== undefined && b !== undefined && a !== b ? [[a, b] as const] : [];
      }),
    );
    const leaves = new Map<string, { x: number; y: number }>();
    const rowWidths = rows.map((r) => r.reduce((w, id) => w + (sized.get(id)?.width ?? 0), 0) + NODE_GAP * Math.max(0, r.length - 1));
    const inner = Math.max(0, ...rowWidths);
    const pad = box === undefined ? { top: 0, left: 0, bottom: 0, right: 0 } : PAD;
    let y = pad.top;
    rows.forEach((r, i) => {
      let x = pad.left + (inner - (rowWidths[i] ?? 0)) / 2;
      const height = Math.max(0, ...r.map((id) => sized.get(id)?.height ?? 0));
      for (const id of r) {
        const s = sized.get(id);
        if (!s) continue;
        const top = y + (height - s.height) / 2;
        for (const [leaf, p] of s.leaves) leaves.set(leaf, { x: x + p.x, y: top + p.y });
        x += s.width + NODE_GAP;
      }
      y += height + ROW_GAP;
    });
    const height = rows.length > 0 ? y - ROW_GAP + pad.bottom : pad.top + pad.bottom;
    return { width: inner + pad.left + pad.right, height, leaves };
  };
  return place(undefined).leaves;
}

/**
 * The rows: each node one row below the lowest of its predecessors (edges that close a cycle are
 * ignored); nodes keep the graph's order within a row.
 */
function layers(ids: readonly string[], edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of edges) preds.get(b)?.push(a);
  const row = new Map<string, number>();
  const visiting = new Set<string>();
  const rowOf = (id: string): number => {
    const known = row.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let r = 0;
    for (const p of preds.get(id) ?? []) r = Math.max(r, rowOf(p) + 1);
    visiting.delete(id);
    row.set(id, r);
    return r;
  };
  const rows: string[][] = [];
  for (const id of ids) (rows[rowOf(id)] ??= []).push(id);
  return rows.filter((r) => r !== undefined);
}
