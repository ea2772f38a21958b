// Unloading a driver module takes its devices with it, in every namespace of the machine, as vxlan's
// pernet exit (vxlan_exit_batch_rtnl) unregisters them; a module another one holds stays loaded.

import { expect, test } from 'vitest';
import { mac } from '../../src/addr/index.js';
import { TunnelDevice } from '../../src/net/devices/tunnel-device.js';
import { Machine } from '../../src/net/machine.js';
import { NetContext } from '../../src/net/net-context.js';
import { Rng, Scheduler } from '../../src/sim/index.js';

test('modprobe -r vxlan deletes cilium_vxlan; udp_tunnel is refused while vxlan holds it', () => {
  const m = new Machine('k8s-ctr', new NetContext(new Scheduler(), new Rng(1)), '6.8.0-53-generic');
  m.modules.load('vxlan');
  const pod = m.createNetns('pod');
  for (const ns of [m.root, pod]) ns.addDevice(new TunnelDevice({ name: 'cilium_vxlan', mac: mac([0x0a, 0, 0, 0, 0, 1]), protocol: 'vxlan', dstPort: 8472 }));
  expect(m.removeModule('udp_tunnel')).toBe('in-use');
  expect(m.root.dev('cilium_vxlan')).toBeDefined();
  expect(m.removeModule('vxlan')).toBe('removed');
  expect([m.root.dev('cilium_vxlan'), pod.dev('cilium_vxlan')]).toEqual([undefined, undefined]);
  expect(m.modules.list().map((x) => x.info.name)).toEqual([]);
});
