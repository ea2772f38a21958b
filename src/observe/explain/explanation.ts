// Layer observe: the hop-by-hop explanation of a packet as data (the library API returns it as JSON for
// the web UI; `ciliumlab trace` prints it): each step with its host, device, direction, the decision and
// the entry that made it, the header stack there; the packet's fate; the fixes that apply.

/** One header of the stack at a step, outermost first. */
export interface HeaderLayer {
  readonly proto: string;
  /** A one-line rendering: "IP 172.20.0.217 > 172.20.1.224 ttl 63 id 4711 DF len 84". */
  readonly text: string;
}

export type StepKind = 'send' | 'tap' | 'route' | 'datapath' | 'socket-lb' | 'drop';

export interface Step {
  /** The VM ("k8s-ctr", "router"). */
  readonly host: string;
  /** The pod when the step is in a pod's namespace ("default/curl-pod"). */
  readonly pod: string | undefined;
  readonly dev: string | undefined;
  readonly dir: 'in' | 'out' | undefined;
  readonly timeUs: number;
  readonly kind: StepKind;
  /** What happened: "tc ingress cil_from_container: to-network", "forward", "transmit". */
  readonly decision: string;
  /** The table entry that made the decision: a route, an ipcache or neighbour entry, a service backend. */
  readonly entries: readonly string[];
  readonly headers: readonly HeaderLayer[] | undefined;
}

export type Fate =
  | { readonly kind: 'delivered'; readonly host: string; readonly pod: string | undefined; readonly dev: string; readonly ttl: number }
  | { readonly kind: 'dropped'; readonly host: string; readonly pod: string | undefined; readonly dev: string | undefined; readonly reason: string; readonly where: string; readonly detail: string | undefined }
  | { readonly kind: 'not-sent'; readonly host: string; readonly pod: string | undefined; readonly errno: string; readonly detail: string }
  | { readonly kind: 'unanswered'; readonly host: string; readonly pod: string | undefined; readonly detail: string };

export interface PacketTrail {
  readonly traceId: number;
  /** "request", "reply", "ICMP error", ... */
  readonly role: string;
  readonly summary: string;
  readonly steps: readonly Step[];
  readonly fate: Fate;
}

export interface Fix {
  readonly title: string;
  readonly why: string;
  readonly commands: readonly string[];
}

export interface Explanation {
  /** What was run: "ping curl-pod 172.20.1.224". */
  readonly command: string;
  /** The destination as the cluster knows it ("default/webpod-697b545f57-rdh2t on k8s-w0"). */
  readonly target: string;
  readonly packets: readonly PacketTrail[];
  /** The outcome of the whole exchange, in one sentence. */
  readonly verdict: string;
  /** Why it ended that way, from the tables of the hosts involved. */
  readonly causes: readonly string[];
  readonly fixes: readonly Fix[];
}
