// Layer tools: every emulated command by name, as the shell looks commands up on $PATH. Each tool folder
// exports its own `commands`; this is the one place that gathers them.

import { commands as cilium } from './cilium/index.js';
import { ciliumlabTrace } from './explain/index.js';
import { hubble } from './hubble/index.js';
import { commands as helm } from './helm/index.js';
import { commands as host } from './host/index.js';
import { commands as ip } from './ip/index.js';
import { commands as kubectl } from './kubectl/index.js';
import { commands as netClients } from './net-clients/index.js';
import { commands as tcpdump } from './tcpdump/index.js';
import type { Tool } from './process.js';

/** `ciliumlab trace ...` inside the lab shell: the hop-by-hop explanation. */
const ciliumlab: Tool = async (p) => {
  if (p.argv[1] === 'trace') return ciliumlabTrace(p);
  p.err(`ciliumlab: inside the lab only "ciliumlab trace ping|curl ..." is available\n`);
  return 2;
};

export const commands: ReadonlyMap<string, Tool> = new Map(Object.entries({ ...ip, ...host, ...netClients, ...tcpdump, ...kubectl, ...helm, ...cilium, hubble, ciliumlab }));
