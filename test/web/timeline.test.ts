// The packet timeline on a real ping through the lab: every hop of a packet plays at least a step after
// the one it came from; a broadcast reaching several VMs moves to each from the one transmission; virtual
// gaps shrink; step and back land on the moments something happens.

import { describe, expect, test } from 'vitest';
import { TraceRecorder, placeOf } from '../../src/index.browser.js';
import { STEP_MS, Timeline, type MoveEvent } from '../../web/src/packets/timeline.js';
import { ping, webpodOn, week4 } from '../support/week4.js';

function recordPing(to: 'k8s-w1' | 'k8s-w0'): Timeline {
  const lab = week4(1);
  const rec = new TraceRecorder(lab);
  ping(lab, 'curl-pod', webpodOn(lab, to), { count: 2 });
  rec.stop();
  const t = new Timeline();
  for (const r of rec.events) t.add(r, 0);
  return t;
}

const where = (m: MoveEvent) => `${placeOf(m.rec.e.netns).pod?.split('/')[1] ?? placeOf(m.rec.e.netns).host} ${m.rec.e.dev?.name ?? ''} ${m.rec.kind === 'packet' ? m.rec.e.dir : 'drop'}`;

describe('the packet timeline', () => {
  const t = recordPing('k8s-w1');
  const traces = [...t.traces.values()];
  const icmp = traces.filter((tr) => tr.moves[0]?.rec.e.data[23] === 1);

  test('a request moves pod → lxc → eth1 → k8s-w1, each hop at least a step after the one it came from', () => {
    const req = icmp[0];
    expect(req?.moves.map(where).slice(0, 4)).toEqual(['curl-pod eth0 out', expect.stringMatching(/^k8s-ctr lxc\w+ in$/), 'k8s-ctr eth1 out', 'k8s-w1 eth1 in']);
    for (const m of req?.moves ?? []) if (m.from) expect(m.playMs - m.from.playMs).toBeGreaterThanOrEqual(STEP_MS);
  });

  test('an ARP broadcast moves to every VM of the network from the one transmission, not from VM to VM', () => {
    const isIn = (m: MoveEvent) => m.rec.kind === 'packet' && m.rec.e.dir === 'in';
    const isArpOnEth1 = (m: MoveEvent | undefined) => m?.rec.e.data[12] === 0x08 && m.rec.e.data[13] === 0x06 && m.rec.e.dev?.name === 'eth1';
    const arp = traces.find((tr) => isArpOnEth1(tr.moves[0]) && tr.moves.filter(isIn).length >= 2);
    const received = arp?.moves.filter(isIn) ?? [];
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(new Set(received.map((m) => m.from))).toEqual(new Set([arp?.moves[0]]));
    expect(new Set(received.map((m) => placeOf(m.rec.e.netns).host)).size).toBe(received.length);
  });

  test('a second of lab time between two pings plays in three steps; step and back visit each moment', () => {
    const [first, second] = icmp;
    const end = Math.max(...(first?.moves ?? []).map((m) => m.playMs));
    expect((second?.moves[0]?.playMs ?? 0) - end).toBeLessThanOrEqual(3 * STEP_MS + STEP_MS);
    const start = first?.moves[0]?.playMs ?? 0;
    const next = t.nextStop(start);
    expect(next).toBeGreaterThan(start);
    expect(t.prevStop(next ?? 0)).toBe(start);
    expect(t.tracesBetween(start, start)).toContain(first);
  });
});

test('a dropped packet ends in its drop, after the frame it died with', () => {
  const t = recordPing('k8s-w0');
  const req = [...t.traces.values()].find((tr) => tr.moves.at(-1)?.rec.kind === 'drop');
  expect(req?.moves.map(where).slice(-3)).toEqual(['router eth1 in', 'router eth0 out', 'router eth0 drop']);
});
