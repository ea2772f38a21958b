// hubble's printer against its own fixtures: hubble/pkg/printer/printer_test.go (cilium/cilium, the
// TestPrinter_WriteProtoFlow cases "compact", "compact-with-node", "compact-reply", "compact-direction-unknown",
// "tabular", "dict", "jsonpb"): a DROPPED flow (Policy denied) from 1.1.1.1:31793 (identity 4) to 2.2.2.2:8080
// at 1234.5678 s, printed in UTC.

import { describe, expect, test } from 'vitest';
import type { Flow, FlowEndpoint } from '../../../src/observe/index.js';
import { flowJson } from '../../../src/tools/hubble/flow-json.js';
import { FlowPrinter, type OutputFormat } from '../../../src/tools/hubble/flow-printer.js';

const ep = (identity: number): FlowEndpoint => ({ id: 0, identity, clusterName: '', namespace: '', labels: [], podName: '', workloads: [] });

const f: Flow = {
  timeUs: 1_234_567_800,
  uuid: '',
  verdict: 'DROPPED',
  dropReason: 0,
  ethernet: undefined,
  ip: { source: '1.1.1.1', destination: '2.2.2.2', ipVersion: 'IP_NOT_USED' },
  l4: { proto: 'TCP', sourcePort: 31793, destinationPort: 8080, tcpFlags: 0, icmpType: 0, icmpCode: 0 },
  source: ep(4),
  destination: ep(12345),
  type: 'L3_L4',
  nodeName: 'k8s1',
  nodeLabels: [],
  eventType: { type: 1, subType: 133 },
  destinationService: undefined,
  trafficDirection: 'TRAFFIC_DIRECTION_UNKNOWN',
  traceObservationPoint: undefined,
  traceReason: undefined,
  file: undefined,
  dropReasonDesc: undefined,
  isReply: false,
  interface: undefined,
  sockXlatePoint: undefined,
  socketCookie: 0,
  cgroupId: 0,
  summary: 'TCP Flags: SYN',
  traceId: 0,
};

function print(flow: Flow, output: OutputFormat, isNodeName = false): string {
  let out = '';
  const p = new FlowPrinter({ output, timeFormat: 'StampMilli', timeZone: 'UTC', isColor: false, isIpTranslation: true, isNodeName }, (t) => (out += t));
  p.write(flow);
  p.close();
  return out.trim();
}

describe('hubble printer (printer_test.go fixtures)', () => {
  test('compact', () => {
    expect(print(f, 'compact')).toBe('Jan  1 00:20:34.567: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)');
  });

  test('compact-with-node', () => {
    expect(print(f, 'compact', true)).toBe('Jan  1 00:20:34.567 [k8s1]: 1.1.1.1:31793 (health) -> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)');
  });

  test('compact-reply swaps the endpoints and turns the arrow', () => {
    expect(print({ ...f, isReply: true }, 'compact', true)).toBe('Jan  1 00:20:34.567 [k8s1]: 2.2.2.2:8080 (ID:12345) <- 1.1.1.1:31793 (health) Policy denied DROPPED (TCP Flags: SYN)');
  });

  test('compact-direction-unknown', () => {
    expect(print({ ...f, isReply: undefined }, 'compact', true)).toBe('Jan  1 00:20:34.567 [k8s1]: 1.1.1.1:31793 (health) <> 2.2.2.2:8080 (ID:12345) Policy denied DROPPED (TCP Flags: SYN)');
  });

  test('tabular', () => {
    expect(print(f, 'table')).toBe(
      'TIMESTAMP             SOURCE          DESTINATION    TYPE            VERDICT   SUMMARY\n' + 'Jan  1 00:20:34.567   1.1.1.1:31793   2.2.2.2:8080   Policy denied   DROPPED   TCP Flags: SYN',
    );
  });

  test('tabular-with-node', () => {
    expect(print(f, 'table', true)).toBe(
      'TIMESTAMP             NODE   SOURCE          DESTINATION    TYPE            VERDICT   SUMMARY\n' + 'Jan  1 00:20:34.567   k8s1   1.1.1.1:31793   2.2.2.2:8080   Policy denied   DROPPED   TCP Flags: SYN',
    );
  });

  test('dict', () => {
    // Like the Go test, both sides are compared after strings.TrimSpace.
    expect(print(f, 'dict')).toBe('  TIMESTAMP: Jan  1 00:20:34.567\n     SOURCE: 1.1.1.1:31793\nDESTINATION: 2.2.2.2:8080\n       TYPE: Policy denied\n    VERDICT: DROPPED\n    SUMMARY: TCP Flags: SYN'.trim());
  });

  test('jsonpb (the flow object; the fixture response carries no node_name/time of its own)', () => {
    expect(JSON.stringify({ flow: flowJson(f) })).toBe(
      '{"flow":{"time":"1970-01-01T00:20:34.567800Z",' +
        '"verdict":"DROPPED",' +
        '"IP":{"source":"1.1.1.1","destination":"2.2.2.2"},' +
        '"l4":{"TCP":{"source_port":31793,"destination_port":8080}},' +
        '"source":{"identity":4},"destination":{"identity":12345},' +
        '"Type":"L3_L4","node_name":"k8s1",' +
        '"event_type":{"type":1,"sub_type":133},' +
        '"is_reply":false,"Summary":"TCP Flags: SYN"}}',
    );
  });
});
