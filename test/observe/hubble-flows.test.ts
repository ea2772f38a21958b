// Hubble flows from the week-4 lab's datapath with the chart's monitor aggregation ("medium": no from-*
// points; a connection is reported when it is new, when a direction shows new TCP flags, and again after
// monitor-aggregation-interval 5 s), parsed as pkg/hubble/parser/threefour does: endpoints with labels and
// workloads, reply flag and traffic direction from conntrack, observation point and interface.

import { describe, expect, test } from 'vitest';
import { HubbleObserver, type Flow } from '../../src/observe/index.js';
import { flowJson } from '../../src/tools/hubble/flow-json.js';
import { ping, switchToVxlan, webpodOn, week4 } from '../support/week4.js';
import { curl } from './lab-runs.js';

const all = { number: 100_000, allow: [], deny: [] };

function summaryOf(f: Flow): string {
  return `${f.nodeName} ${f.traceObservationPoint ?? f.sockXlatePoint} ${f.isReply === undefined ? '<>' : f.isReply ? '<-' : '->'} ${f.summary}`;
}

describe('aggregation and parsing', () => {
  test('pings: the first echo is reported, the next one within 5 s is not, one after 6 s is again', () => {
    const lab = week4();
    const hubble = HubbleObserver.of(lab);
    const dst = webpodOn(lab, 'k8s-w1');
    ping(lab, 'curl-pod', dst, { count: 2 });
    lab.runFor(6_000_000);
    ping(lab, 'curl-pod', dst, { count: 1 });
    const flows = hubble.getFlows({ ...all, allow: [{ sourcePod: ['curl-pod'] }, { destinationPod: ['curl-pod'] }] });
    expect(flows.map(summaryOf)).toEqual([
      'k8s-ctr TO_NETWORK -> ICMPv4 EchoRequest',
      'k8s-w1 TO_ENDPOINT -> ICMPv4 EchoRequest',
      'k8s-w1 TO_NETWORK <- ICMPv4 EchoReply',
      'k8s-ctr TO_ENDPOINT <- ICMPv4 EchoReply',
      'k8s-ctr TO_NETWORK -> ICMPv4 EchoRequest',
      'k8s-w1 TO_ENDPOINT -> ICMPv4 EchoRequest',
      'k8s-w1 TO_NETWORK <- ICMPv4 EchoReply',
      'k8s-ctr TO_ENDPOINT <- ICMPv4 EchoReply',
    ]);
  });

  test('a curl in VXLAN mode: socket LB, then TCP flags as they first appear in each direction', () => {
    const lab = week4();
    const hubble = HubbleObserver.of(lab);
    switchToVxlan(lab);
    expect(curl(lab, 'curl-pod', 'webpod')).toBe(0);
    lab.runFor(2_000_000);
    const flows = hubble.getFlows({ ...all, allow: [{ sourcePod: ['curl-pod'], protocol: ['tcp'] }, { destinationPod: ['curl-pod'], protocol: ['tcp'] }] });
    const ctr = flows.filter((f) => f.nodeName === 'k8s-ctr').map(summaryOf);
    expect(ctr.slice(0, 4)).toEqual(['k8s-ctr SOCK_XLATE_POINT_PRE_DIRECTION_FWD <> TCP', 'k8s-ctr SOCK_XLATE_POINT_POST_DIRECTION_FWD <> TCP', 'k8s-ctr TO_OVERLAY -> TCP Flags: SYN', 'k8s-ctr TO_ENDPOINT <- TCP Flags: SYN, ACK']);
    expect(ctr).toContain('k8s-ctr TO_OVERLAY -> TCP Flags: ACK, PSH');
    expect(ctr).toContain('k8s-ctr TO_OVERLAY -> TCP Flags: ACK, FIN');
    const syn = flows.find((f) => f.traceObservationPoint === 'TO_OVERLAY' && f.summary === 'TCP Flags: SYN');
    const j = syn ? flowJson(syn) : {};
    expect(j['traffic_direction']).toBe('EGRESS');
    expect(j['trace_reason']).toBe('NEW');
    expect(j['is_reply']).toBe(false);
    expect(j['interface']).toEqual({ index: lab.agents.get('k8s-ctr')?.devices?.tunnel?.ifindex, name: 'cilium_vxlan' });
    expect((j['destination'] as Record<string, unknown>)['labels']).toEqual(['k8s:app=webpod', 'k8s:io.cilium.k8s.policy.cluster=default', 'k8s:io.cilium.k8s.policy.serviceaccount=default', 'k8s:io.kubernetes.pod.namespace=default']);
    const atBackend = flows.find((f) => f.traceObservationPoint === 'TO_ENDPOINT' && f.summary === 'TCP Flags: SYN');
    expect(atBackend?.trafficDirection).toBe('INGRESS');
    expect(atBackend?.destination.workloads).toEqual([{ name: 'webpod', kind: 'Deployment' }]);
  });

  test('a restarted agent starts with an empty ring', () => {
    const lab = week4();
    const hubble = HubbleObserver.of(lab);
    ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { count: 1 });
    expect(hubble.getFlows(all).some((f) => f.nodeName === 'k8s-w1')).toBe(true);
    switchToVxlan(lab);
    expect(hubble.getFlows(all).filter((f) => f.nodeName === 'k8s-w1' && f.summary.startsWith('ICMPv4'))).toEqual([]);
  });
});
