// The quick first layout of the topology (drawn before ELK's arrives): every leaf placed, no two boxes
// overlapping, and the picture flowing as ELK draws it — the first network above the router above the
// second, pods above cilium_host above the uplink, the first network's switch below its VMs.

import { expect, test } from 'vitest';
import { topologyOf } from '../../src/index.browser.js';
import { graphOf } from '../../web/src/topology/graph-model.js';
import { quickLayout } from '../../web/src/topology/quick-layout.js';
import { week4 } from '../support/week4.js';

test('the default lab: every leaf placed, none overlapping, flowing down through the router', () => {
  const g = graphOf(topologyOf(week4(1)), (p) => p.namespace === 'default');
  const pos = quickLayout(g);
  const leaves = g.nodes.filter((n) => !g.nodes.some((c) => c.parent === n.id));
  expect([...pos.keys()].sort()).toEqual(leaves.map((n) => n.id).sort());
  for (const a of leaves) {
    for (const b of leaves) {
      if (a === b) continue;
      const pa = pos.get(a.id)!;
      const pb = pos.get(b.id)!;
      const apart = Math.abs(pa.x - pb.x) >= (a.width + b.width) / 2 || Math.abs(pa.y - pb.y) >= (a.height + b.height) / 2;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  }
  const y = (id: string) => pos.get(id)!.y;
  expect(y('sw:hostonly-10')).toBeLessThan(y('if:router/eth1'));
  expect(y('if:router/eth2')).toBeLessThan(y('sw:hostonly-20'));
  expect(y('if:k8s-ctr/eth1')).toBeLessThan(y('sw:hostonly-10'));
  expect(y('sw:hostonly-20')).toBeLessThan(y('if:k8s-w0/eth1'));
  expect(y('pods:k8s-ctr')).toBeLessThan(y('if:k8s-ctr/cilium_host'));
  expect(y('if:k8s-ctr/cilium_host')).toBeLessThan(y('if:k8s-ctr/eth1'));
});

test('a cycle between nodes does not hang it', () => {
  const leaf = (id: string) => ({ id, parent: undefined, kind: 'iface' as const, label: id, title: id, classes: [], width: 40, height: 20 });
  const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, kind: 'link' as const, label: '' });
  const pos = quickLayout({ nodes: [leaf('a'), leaf('b'), leaf('c')], edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')] });
  expect(pos.size).toBe(3);
});
