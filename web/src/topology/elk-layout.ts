// web (topology): node positions from ELK's layered algorithm over the whole hierarchy (networks, VMs,
// interfaces and pods), flowing left to right through the routers. ELK (480 KB gzipped) is not in the
// main script: served over HTTP it runs in a Web Worker (assets/elk-worker.js), off the page's thread;
// from file://, where pages may start no worker (or when the worker fails), assets/elk.js runs it in
// the page's thread.

import ElkApi, { type ELK, type ELKConstructorArguments, type ElkNode } from 'elkjs/lib/elk-api.js';
import { loadScript } from '../app/load-script.js';
import type { Graph } from './graph-model.js';

export type Positions = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '16',
  'elk.layered.spacing.nodeNodeBetweenLayers': '30',
  'elk.spacing.componentComponent': '30',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};
/** Room for the box's label above its children (Cytoscape sizes compound boxes to include it). */
const COMPOUND_OPTIONS = { 'elk.padding': '[top=28,left=10,bottom=10,right=10]' };

/** Only the layered algorithm is registered: registering all nine costs ELK more than a layout. */
const ALGORITHMS = ['layered'];

interface Engine {
  readonly elk: ELK;
  /** Rejects if the worker fails (a server without the file, a policy forbidding workers). */
  readonly failed: Promise<never>;
}

let engine: Promise<Engine> | undefined;

class LayoutWorkerFailed extends Error {}

function inPage(): Promise<Engine> {
  return loadScript<new (args: ELKConstructorArguments) => ELK>('elk.js', 'ELK').then((Elk) => ({ elk: new Elk({ algorithms: ALGORITHMS }), failed: new Promise<never>(() => undefined) }));
}

function inWorker(): Engine {
  const workerUrl = new URL('assets/elk-worker.js', document.baseURI).href;
  const worker = new Worker(workerUrl);
  const failed = new Promise<never>((_, reject) => worker.addEventListener('error', () => reject(new LayoutWorkerFailed(`the layout worker ${workerUrl} failed`)), { once: true }));
  failed.catch(() => undefined); // seen by the next layout, not an unhandled rejection
  // elk-api.js is CommonJS: its module.exports is the class, which also names itself as `default`.
  return { elk: new ElkApi.default({ algorithms: ALGORITHMS, workerUrl, workerFactory: () => worker }), failed };
}

function loadElk(): Promise<Engine> {
  engine ??= location.protocol === 'file:' ? inPage() : Promise.resolve(inWorker());
  return engine;
}

function elkTree(g: Graph): ElkNode {
  const byParent = new Map<string | undefined, ElkNode[]>();
  const nodes = new Map<string, ElkNode>();
  for (const n of g.nodes) {
    const isCompound = n.kind === 'network' || n.kind === 'host';
    const node: ElkNode = isCompound ? { id: n.id, layoutOptions: COMPOUND_OPTIONS, children: [] } : { id: n.id, width: n.width, height: n.height };
    nodes.set(n.id, node);
    const siblings = byParent.get(n.parent) ?? [];
    siblings.push(node);
    byParent.set(n.parent, siblings);
  }
  for (const [parent, children] of byParent) {
    const p = parent === undefined ? undefined : nodes.get(parent);
    if (p) p.children = children;
  }
  const edges = g.edges.filter((e) => e.kind !== 'tunnel').map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children: byParent.get(undefined) ?? [], edges };
}

/** Lays out with the worker, or in the page if the worker fails. */
async function layout(tree: ElkNode): Promise<ElkNode> {
  const e = await loadElk();
  try {
    return await Promise.race([e.elk.layout(tree), e.failed]);
  } catch (err) {
    if (!(err instanceof LayoutWorkerFailed)) throw err;
    engine = inPage();
    return (await engine).elk.layout(tree);
  }
}

/** Centres of the leaf nodes, in one coordinate space. */
export async function layoutGraph(g: Graph): Promise<Positions> {
  const out = new Map<string, { x: number; y: number }>();
  const walk = (n: ElkNode, ox: number, oy: number) => {
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    if (n.children && n.children.length > 0) for (const c of n.children) walk(c, x, y);
    else out.set(n.id, { x: x + (n.width ?? 0) / 2, y: y + (n.height ?? 0) / 2 });
  };
  walk(await layout(elkTree(g)), 0, 0);
  return out;
}
