// web (packets): where an event sits on the picture. A frame on a pod's eth0 is at the pod; on an lxc
// device halfway between its pod and cilium_host; on an interface with a node, at that node; anything
// else at its VM. Between two VMs on one L2 network a frame passes the network's switch. Positions are
// read from Cytoscape after each layout, in the graph's own coordinates.

import { placeOf, topologyOf, type Lab, type Recorded } from '../../../src/index.browser.js';
import type { TopologyView } from '../topology/topology-view.js';
import { hostId, ifaceId, podId, podsId } from '../topology/graph-model.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

interface WithPeer {
  readonly peer?: { readonly netns?: { readonly name: string } };
}

export class PacketScene {
  private positions = new Map<string, Point>();
  private switchOf = new Map<string, string>();
  private hostOfAddress = new Map<string, string>();

  constructor(
    private readonly view: TopologyView,
    private readonly lab: Lab,
  ) {
    view.onLayout(() => this.rebuild());
  }

  private rebuild(): void {
    this.positions = new Map(this.view.cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
    const g = this.view.currentGraph;
    this.switchOf = new Map((g?.edges ?? []).filter((e) => e.kind === 'link').map((e) => (e.source.startsWith('sw:') ? [e.target, e.source] : [e.source, e.target])));
    this.hostOfAddress = new Map(topologyOf(this.lab).hosts.flatMap((h) => h.interfaces.flatMap((i) => i.addresses.map((a) => [a.split('/')[0] ?? '', h.name] as const))));
  }

  /** The graph node an event happens at. */
  nodeOf(rec: Recorded): string | undefined {
    const { host, pod } = placeOf(rec.e.netns);
    if (pod !== undefined) return this.firstKnown(podId(...splitPod(pod)), podsId(host), hostId(host));
    const dev = rec.e.dev?.name;
    if (dev === undefined) return this.firstKnown(hostId(host));
    if (dev === 'cilium_net') return this.firstKnown(ifaceId(host, 'cilium_host'), hostId(host));
    return this.firstKnown(ifaceId(host, dev), hostId(host));
  }

  pointOf(rec: Recorded): Point | undefined {
    const dev = rec.e.dev;
    if (dev?.name.startsWith('lxc')) {
      // The pod is the namespace of the veth's peer ("k8s-ctr/default/curl-pod").
      const peerNs = (dev as WithPeer).peer?.netns?.name ?? '';
      const pod = peerNs.includes('/') ? peerNs.slice(peerNs.indexOf('/') + 1) : undefined;
      const { host } = placeOf(rec.e.netns);
      const a = pod !== undefined ? this.at(this.firstKnown(podId(...splitPod(pod)), podsId(host))) : undefined;
      const b = this.at(ifaceId(host, 'cilium_host'));
      if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      return a ?? b;
    }
    return this.at(this.nodeOf(rec));
  }

  /** The points a frame passes from `a` to `b`: through the switch when both are on one L2 network. */
  path(a: Recorded, b: Recorded): Point[] {
    const pa = this.pointOf(a);
    const pb = this.pointOf(b);
    if (!pa || !pb) return [];
    const na = this.nodeOf(a);
    const nb = this.nodeOf(b);
    const sw = na !== undefined ? this.switchOf.get(na) : undefined;
    const via = sw !== undefined && nb !== undefined && this.switchOf.get(nb) === sw && na !== nb ? this.at(sw) : undefined;
    return via ? [pa, via, pb] : [pa, pb];
  }

  /** The tunnel edge between the VMs owning an encapsulated frame's outer addresses. */
  tunnelEdge(outerSrc: string | undefined, outerDst: string | undefined): string | undefined {
    const a = outerSrc !== undefined ? this.hostOfAddress.get(outerSrc) : undefined;
    const b = outerDst !== undefined ? this.hostOfAddress.get(outerDst) : undefined;
    if (a === undefined || b === undefined) return undefined;
    return [`tunnel:${a}~${b}`, `tunnel:${b}~${a}`].find((id) => this.view.cy.getElementById(id).nonempty());
  }

  private at(id: string | undefined): Point | undefined {
    return id !== undefined ? this.positions.get(id) : undefined;
  }

  private firstKnown(...ids: string[]): string | undefined {
    return ids.find((id) => this.positions.has(id));
  }
}

function splitPod(pod: string): [string, string] {
  const i = pod.indexOf('/');
  return [pod.slice(0, i), pod.slice(i + 1)];
}
