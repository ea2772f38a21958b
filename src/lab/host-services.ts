// Layer lab: daemons the lab file puts on VMs themselves — the router's Apache (router.sh installs apache2
// and writes "<h1>Web Server : router</h1>" to index.html) — started when the machine boots.

import { ApacheServer } from '../apps/index.js';
import type { Machine } from '../net/machine.js';
import type { LabSpec } from './lab-file/index.js';

export function startHostServices(spec: LabSpec, machines: ReadonlyMap<string, Machine>): void {
  for (const h of spec.hosts) {
    const m = machines.get(h.name);
    if (!m) continue;
    for (const s of h.services) {
      if (s.name === 'apache2') new ApacheServer(m.root, { hostname: h.name, epochMs: spec.clock.startUnixMs, indexHtml: s.index, port: s.port }).start();
    }
  }
}
