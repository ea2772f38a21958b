// Layer observe: the notifications a node's datapath puts on its perf ring, as the agent's monitor reads
// them (pkg/monitor datapath_trace.go, datapath_drop.go, datapath_sock_trace.go): a trace at an observation
// point, a drop with its reason code and BPF source file, a socket-LB translation. Bytes are the capture.

import type { ObsPointName, TraceReason } from './monitor-api.js';

interface PacketNotify {
  readonly node: string;
  readonly timeUs: number;
  /** The lab's packet trace id, so an explanation can find the notifications of its packet. */
  readonly traceId: number;
  /** The endpoint whose program sent the notification (EVENT_SOURCE; 0 for host and overlay programs). */
  readonly source: number;
  /** skb->hash, printed as "flow 0x...". */
  readonly hash: number;
  readonly origLen: number;
  /** The captured bytes (an Ethernet frame, at most TRACE_PAYLOAD_LEN). */
  readonly data: Uint8Array;
  readonly srcLabel: number;
  readonly dstLabel: number;
  readonly dstId: number;
  readonly ifindex: number;
  /** The name of `ifindex` in the node's namespace, as the monitor's link cache resolves it. */
  readonly ifname: string;
  readonly program: string;
}

export interface TraceNotify extends PacketNotify {
  readonly kind: 'trace';
  readonly point: ObsPointName;
  readonly reason: TraceReason;
}

export interface DropNotify extends PacketNotify {
  readonly kind: 'drop';
  /** The drop reason code of pkg/monitor/api/drop.go (133 = Policy denied). */
  readonly code: number;
  /** The BPF source file that raised it (bpf_lxc.c, bpf_host.c, bpf_overlay.c). */
  readonly file: string;
}

export interface TraceSockNotify {
  readonly kind: 'trace-sock';
  readonly node: string;
  readonly timeUs: number;
  readonly xlate: 'pre-xlate-fwd' | 'post-xlate-fwd';
  readonly proto: 'tcp' | 'udp';
  readonly cookie: number;
  readonly cgroupId: number;
  /** The pod whose socket connected (the cgroup's pod): its IP. */
  readonly srcIp: string;
  readonly dstIp: string;
  readonly dstPort: number;
}

export type MonitorEvent = TraceNotify | DropNotify | TraceSockNotify;
