// Layer observe: a Hubble flow (api/v1/flow/flow.proto), the subset this lab fills: L3/L4 flows from trace
// and drop notifications and SOCK flows from socket-LB traces. Field names follow the proto (camelCase);
// enums are the proto's names, so printers and the JSON encoder need no other table.

export interface FlowEndpoint {
  readonly id: number;
  readonly identity: number;
  readonly clusterName: string;
  readonly namespace: string;
  /** Sorted "source:key=value" labels (SortAndFilterLabels). */
  readonly labels: readonly string[];
  readonly podName: string;
  readonly workloads: ReadonlyArray<{ readonly name: string; readonly kind: string }>;
}

export interface FlowL4 {
  readonly proto: 'TCP' | 'UDP' | 'ICMPv4';
  readonly sourcePort: number;
  readonly destinationPort: number;
  /** TCP flag bits, FIN 0x01 ... CWR 0x80, NS 0x100. */
  readonly tcpFlags: number;
  readonly icmpType: number;
  readonly icmpCode: number;
}

export type Verdict = 'FORWARDED' | 'DROPPED' | 'TRACED' | 'TRANSLATED';

export interface Flow {
  /** Wall-clock time in microseconds since the Unix epoch. */
  readonly timeUs: number;
  readonly uuid: string;
  readonly verdict: Verdict;
  /** The drop reason code (deprecated drop_reason); 0 when forwarded. */
  readonly dropReason: number;
  readonly ethernet: { readonly source: string; readonly destination: string } | undefined;
  readonly ip: { readonly source: string; readonly destination: string; readonly ipVersion: 'IPv4' | 'IP_NOT_USED' } | undefined;
  readonly l4: FlowL4 | undefined;
  readonly source: FlowEndpoint;
  readonly destination: FlowEndpoint;
  readonly type: 'L3_L4' | 'SOCK';
  readonly nodeName: string;
  readonly nodeLabels: readonly string[];
  readonly eventType: { readonly type: number; readonly subType: number };
  readonly destinationService: { readonly name: string; readonly namespace: string } | undefined;
  readonly trafficDirection: 'INGRESS' | 'EGRESS' | 'TRAFFIC_DIRECTION_UNKNOWN';
  readonly traceObservationPoint: string | undefined;
  readonly traceReason: string | undefined;
  readonly file: { readonly name: string; readonly line: number } | undefined;
  readonly dropReasonDesc: string | undefined;
  /** undefined when the datapath does not know (drops): the printer's "<>". */
  readonly isReply: boolean | undefined;
  readonly interface: { readonly index: number; readonly name: string } | undefined;
  readonly sockXlatePoint: string | undefined;
  readonly socketCookie: number;
  readonly cgroupId: number;
  readonly summary: string;
  /** The lab's packet trace id (not part of Hubble's flow): links a flow to its explanation. */
  readonly traceId: number;
}
