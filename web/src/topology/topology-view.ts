// web (topology): the lab drawn with Cytoscape.js and laid out by ELK, following the lab live: the
// topology is recomputed a few times a second and redrawn when it changed (a new pod, an interface's MTU,
// the tunnel devices and tunnels after a mode switch). A text outline of the same graph sits beside the
// canvas for screen readers and keyboard users. Packets are drawn over it by the packet overlay.
// Cytoscape (137 KB gzipped) is a script of its own, to keep the main script small: the built page runs
// it before the main script (the dev server's page loads it on demand, as ELK is). The first picture does
// not wait for ELK (its worker needs half a second to load and warm up on a slow machine):
// unless ELK's layout is already there, a quick layout is drawn and ELK's replaces it, nodes gliding.

import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import { topologyOf, type Lab, type TopoPod } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import { loadScript } from '../app/load-script.js';
import { CY_STYLE } from './cy-style.js';
import { layoutGraph, type Positions } from './elk-layout.js';
import { graphOf, type Graph } from './graph-model.js';
import { quickLayout } from './quick-layout.js';

const REFRESH_MS = 300;
/** How long nodes glide from the quick layout to ELK's. */
const REFINE_MS = 250;

/** Starts fetching Cytoscape while the lab is being built, unless the page has run it already. */
export function preloadTopology(): void {
  void loadScript('cytoscape.js', 'cytoscape');
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** Resolves after the next frame is painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export class TopologyView {
  readonly element: HTMLElement;
  readonly canvasHost: HTMLElement;
  private readonly outline = h('ul', { class: 'visually-hidden', id: 'topology-outline', 'aria-label': 'Topology as text' });
  private readonly status = h('p', { class: 'topology-status', role: 'status' }, 'Laying out the topology…');
  private graph: Graph | undefined;
  private signature = '';
  private isLaidOut = false;
  private pending: Promise<void> | undefined;
  /** Counts draws: ELK's refinement of a quick layout applies only if nothing was drawn since. */
  private drawSeq = 0;
  private resolveDrawn: () => void = () => undefined;
  private readonly drawn = new Promise<void>((resolve) => (this.resolveDrawn = resolve));
  private readonly layoutListeners: Array<() => void> = [];
  /** Clicking a pod on the picture (opens a terminal in it). */
  onPodTap: ((namespace: string, name: string) => void) | undefined;
  private readonly systemNamespaces: ReadonlySet<string>;
  private cyInstance: Core | undefined;
  /** Set when the user zoomed or panned: redraws keep that view until "Fit". */
  private isViewportChosen = false;
  private isFitting = false;
  showSystemPods = false;

  constructor(private readonly lab: Lab) {
    this.canvasHost = h('div', { class: 'cy', role: 'img', 'aria-label': 'Topology of the lab (described in the outline that follows)' });
    const fit = h('button', { type: 'button', id: 'fit-topology', class: 'fit', onclick: () => this.fit() }, 'Fit');
    this.element = h('section', { class: 'topology', 'aria-label': 'Topology' }, this.canvasHost, fit, this.status, this.outline);
    // Namespaces that have pods when the lab starts are the system's; their pods are summed up per node.
    this.systemNamespaces = new Set(lab.k8s.api.list('Pod', {}).map((p) => p.metadata.namespace ?? 'default').filter((n) => n !== 'default'));
    setInterval(() => void this.refresh(), REFRESH_MS);
    new ResizeObserver(() => {
      this.cyInstance?.resize();
      if (!this.isViewportChosen) this.fit();
    }).observe(this.canvasHost);
  }

  /** The Cytoscape instance; exists once the first layout is drawn (onLayout listeners may use it). */
  get cy(): Core {
    if (!this.cyInstance) throw new Error('the topology is not drawn yet');
    return this.cyInstance;
  }

  get isDrawn(): boolean {
    return this.isLaidOut;
  }

  /** Resolves once the first layout is drawn (the quick one, when ELK's was not there yet). */
  get ready(): Promise<void> {
    void this.refresh();
    return this.drawn;
  }

  get currentGraph(): Graph | undefined {
    return this.graph;
  }

  onLayout(fn: () => void): void {
    this.layoutListeners.push(fn);
  }

  isShownPod = (p: TopoPod): boolean => this.showSystemPods || !this.systemNamespaces.has(p.namespace);

  /** Recomputes the topology; lays it out again when it changed. */
  refresh(): Promise<void> {
    if (this.pending) return this.pending;
    const g = graphOf(topologyOf(this.lab), this.isShownPod);
    const sig = JSON.stringify(g);
    if (sig === this.signature && this.isLaidOut) return Promise.resolve();
    this.pending = this.draw(g, sig).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async draw(g: Graph, sig: string): Promise<void> {
    const seq = ++this.drawSeq;
    try {
      if (this.isLaidOut) {
        const [pos, make] = await Promise.all([layoutGraph(g).catch((e: unknown) => asError(e)), loadScript<typeof cytoscape>('cytoscape.js', 'cytoscape')]);
        this.place(make, g, sig, pos instanceof Error ? quickLayout(g) : pos);
        if (pos instanceof Error) this.layoutFailed(pos);
        return;
      }
      // The first picture: a quick layout now; ELK (its worker started only once that is on screen, so as
      // not to compete with the page for the processor) lays it out properly and the nodes move there.
      this.place(await loadScript<typeof cytoscape>('cytoscape.js', 'cytoscape'), g, sig, quickLayout(g));
      afterPaint()
        .then(() => layoutGraph(g))
        .then(
          (pos) => seq === this.drawSeq && this.refine(pos),
          (e: unknown) => this.layoutFailed(asError(e)),
        );
    } catch (e) {
      this.status.textContent = `The topology could not be drawn: ${asError(e).message}`;
    }
  }

  /** ELK failed: the quick layout stays (and is used for later changes). */
  private layoutFailed(e: Error): void {
    this.status.textContent = `ELK could not lay out the topology (${e.message}): a simpler layout is shown.`;
  }

  private place(make: typeof cytoscape, g: Graph, sig: string, pos: Positions): void {
    if (!this.cyInstance) {
      this.cyInstance = make({ container: this.canvasHost, style: CY_STYLE, minZoom: 0.2, maxZoom: 3, autoungrabify: true, boxSelectionEnabled: false });
      this.cyInstance.on('viewport', () => {
        if (!this.isFitting) this.isViewportChosen = true;
      });
      this.cyInstance.on('tap', 'node[kind = "pod"]', (e) => {
        const [namespace = '', name = ''] = String(e.target.id()).slice('pod:'.length).split('/');
        this.onPodTap?.(namespace, name);
      });
    }
    const els: ElementDefinition[] = [
      ...g.nodes.map((n) => {
        const p = pos.get(n.id);
        return { group: 'nodes' as const, data: { id: n.id, label: n.label, kind: n.kind, w: n.width, h: n.height, ...(n.parent ? { parent: n.parent } : {}) }, classes: [...n.classes], ...(p ? { position: { x: p.x, y: p.y } } : {}) };
      }),
      ...g.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label } })),
    ];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    if (!this.isViewportChosen) this.fit();
    this.graph = g;
    this.signature = sig;
    this.isLaidOut = true;
    this.status.textContent = '';
    this.describe(g);
    for (const fn of this.layoutListeners) fn();
    this.resolveDrawn();
  }

  /** Moves the nodes of the quick layout to ELK's positions (and fits, unless the user zoomed or panned). */
  private refine(pos: Positions): void {
    const cy = this.cy;
    const fit = !this.isViewportChosen;
    this.isFitting = fit;
    const layout = cy.layout({ name: 'preset', positions: Object.fromEntries([...pos].map(([id, p]) => [id, { x: p.x, y: p.y }])), animate: true, animationDuration: REFINE_MS, fit, padding: 16 });
    layout.one('layoutstop', () => {
      performance.mark('ciliumlab:elk-layout');
      this.isFitting = false;
      if (fit) this.isViewportChosen = false;
      for (const fn of this.layoutListeners) fn();
    });
    layout.run();
  }

  /** Fits the whole lab in view (and forgets the user's zoom and pan). */
  private fit(): void {
    if (!this.cyInstance) return;
    this.isFitting = true;
    this.cyInstance.fit(undefined, 16);
    this.isFitting = false;
    this.isViewportChosen = false;
  }

  /** The outline: one item per network and VM, naming interfaces, pods and tunnels. */
  private describe(g: Graph): void {
    const items = g.nodes
      .filter((n) => n.kind === 'network' || n.kind === 'host')
      .map((n) => {
        const parts = g.nodes.filter((c) => c.parent === n.id && c.kind !== 'host').map((c) => c.title);
        return h('li', {}, [n.title, ...parts].join('; '));
      });
    const tunnels = g.edges.filter((e) => e.kind === 'tunnel').map((e) => h('li', {}, `tunnel ${e.source.slice(3)} to ${e.target.slice(3)}: ${e.label}`));
    fill(this.outline, ...items, ...tunnels);
  }
}
