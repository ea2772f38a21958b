// labs/examples/: user topologies load, round trip through the loader, and resolve as documented.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCidr, formatIpv4 } from '../../../src/addr/index.js';
import { planPodCidrs } from '../../../src/lab/lab-file/check-cilium-ipam.js';
import { loadLabFile } from '../../../src/lab/lab-file/load-lab-file.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('labs/examples/two-racks.yaml', () => {
  const r = loadLabFile(read('labs/examples/two-racks.yaml'), 'labs/examples/two-racks.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const lab = r.lab;

  it('has two racks, six nodes, a spine and a client', () => {
    expect(lab.networks.map((n) => `${n.name} ${formatCidr(n.cidr)} ${n.latencyUs}us`)).toEqual(['rack1 10.1.1.0/24 50us', 'rack2 10.1.2.0/24 50us']);
    expect(lab.hosts.map((h) => `${h.name}:${h.role}`)).toEqual(['spine:router', 'cp1:node', 'w1:node', 'w2:node', 'w3:node', 'w4:node', 'w5:node', 'client:host']);
    expect(lab.kubernetes.nodes.map((n) => `${n.name} ${formatIpv4(n.nodeIP)} ${n.labels['topology.kubernetes.io/zone'] ?? ''}`)).toEqual([
      'cp1 10.1.1.11 rack1',
      'w1 10.1.1.12 rack1',
      'w2 10.1.1.13 rack1',
      'w3 10.1.2.21 rack2',
      'w4 10.1.2.22 rack2',
      'w5 10.1.2.23 rack2',
    ]);
    expect([lab.kubernetes.controlPlane, lab.kubernetes.proxy.disabled, lab.clock.timezone, lab.seed]).toEqual(['cp1', true, 'Europe/Berlin', 42]);
  });

  it('routes each pinned PodCIDR on the spine to its node', () => {
    const spine = lab.hosts[0];
    const byCidr = new Map(lab.cilium.pins.map((p) => [formatCidr(p.podCIDR), p.node]));
    for (const route of spine?.routes ?? []) {
      const node = lab.kubernetes.nodes.find((n) => n.nodeIP === route.via);
      expect(byCidr.get(formatCidr(route.to))).toBe(node?.name);
    }
    expect(spine?.routes.map((r) => r.dev)).toEqual(['swp1', 'swp1', 'swp1', 'swp2', 'swp2', 'swp2']);
  });

  it('applies its manifests', () => {
    expect(lab.workloads.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Deployment/web', 'Service/web']);
  });
});

describe('planPodCidrs', () => {
  const c = (s: string) => {
    const [a = '', len = ''] = s.split('/');
    const [o1 = 0, o2 = 0, o3 = 0, o4 = 0] = a.split('.').map(Number);
    return { addr: (((o1 << 24) | (o2 << 16) | (o3 << 8) | o4) >>> 0) as never, prefixLen: Number(len) };
  };
  it('keeps pins and hands out the lowest free blocks in node order', () => {
    const plan = planPodCidrs([c('10.0.0.0/8')], 24, ['a', 'b', 'c'], new Map([['b', c('10.0.0.0/24')]]));
    expect([...plan].map(([n, p]) => `${n} ${formatCidr(p)}`)).toEqual(['b 10.0.0.0/24', 'a 10.0.1.0/24', 'c 10.0.2.0/24']);
  });
  it('leaves nodes without a block when the pool runs out', () => {
    const plan = planPodCidrs([c('172.20.0.0/23')], 24, ['a', 'b', 'c'], new Map());
    expect([...plan.keys()]).toEqual(['a', 'b']);
  });
});
