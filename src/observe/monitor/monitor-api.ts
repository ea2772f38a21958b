// Layer observe: the numbers and names of Cilium's datapath notifications (pkg/monitor/api/types.go,
// bpf/lib/trace.h): message types, trace observation points ("to-overlay" is 4) and trace reasons (the
// conntrack state a trace carries), shared by `cilium-dbg monitor`, the Hubble parser and its printer.

export const MESSAGE_TYPE = { drop: 1, debug: 2, capture: 3, trace: 4, 'policy-verdict': 5, recorder: 6, 'trace-sock': 7, l7: 129, agent: 130 } as const;
export type MessageTypeName = keyof typeof MESSAGE_TYPE;

/** TraceObservationPoints (types.go): the sub-type of a trace message. */
export const OBS_POINTS = [
  'to-endpoint',
  'to-proxy',
  'to-host',
  'to-stack',
  'to-overlay',
  'from-endpoint',
  'from-proxy',
  'from-host',
  'from-stack',
  'from-overlay',
  'from-network',
  'to-network',
  'from-crypto',
  'to-crypto',
] as const;
export type ObsPointName = (typeof OBS_POINTS)[number];

export function obsPointCode(name: string): number {
  return (OBS_POINTS as readonly string[]).indexOf(name);
}

/** flow.proto TraceObservationPoint names, indexed like OBS_POINTS (TO_ENDPOINT is 101 in the proto). */
export const OBS_POINT_PROTO: Readonly<Record<ObsPointName, string>> = {
  'to-endpoint': 'TO_ENDPOINT',
  'to-proxy': 'TO_PROXY',
  'to-host': 'TO_HOST',
  'to-stack': 'TO_STACK',
  'to-overlay': 'TO_OVERLAY',
  'from-endpoint': 'FROM_ENDPOINT',
  'from-proxy': 'FROM_PROXY',
  'from-host': 'FROM_HOST',
  'from-stack': 'FROM_STACK',
  'from-overlay': 'FROM_OVERLAY',
  'from-network': 'FROM_NETWORK',
  'to-network': 'TO_NETWORK',
  'from-crypto': 'FROM_CRYPTO',
  'to-crypto': 'TO_CRYPTO',
};

/** TraceReason* (datapath_trace.go): what conntrack said about the packet, and the monitor's word for it. */
export const TRACE_REASONS = ['new', 'established', 'reply', 'related', 'reopened', 'unknown'] as const;
export type TraceReason = (typeof TRACE_REASONS)[number];

/** flow.proto TraceReason names (NEW = 1: the proto shifts the datapath's values by one). */
export const TRACE_REASON_PROTO: Readonly<Record<TraceReason, string>> = {
  new: 'NEW',
  established: 'ESTABLISHED',
  reply: 'REPLY',
  related: 'RELATED',
  reopened: 'REOPENED',
  unknown: 'TRACE_REASON_UNKNOWN',
};

/** traceSummary (datapath_trace.go): the arrow `cilium-dbg monitor` starts a trace line with. */
export function traceSummary(point: ObsPointName, source: number, dstId: number): string {
  switch (point) {
    case 'to-endpoint':
      return `-> endpoint ${dstId}`;
    case 'to-proxy':
      return dstId !== 0 ? `-> proxy port ${dstId}` : '-> proxy';
    case 'to-host':
      return '-> host from';
    case 'from-endpoint':
      return `<- endpoint ${source}`;
    default: {
      const [dir, where] = point.split('-') as [string, string];
      return `${dir === 'to' ? '->' : '<-'} ${where}`;
    }
  }
}
