// Layer tools (net-clients): the network clients users run in pods and on VMs — ping, curl, and the DNS
// tools — each a Tool over the apps engines (PingEngine, HttpClient, the libc resolvers) and real DNS
// packets, printing what the host's own build of the program prints.

import type { Tool } from '../process.js';
import { curl } from './curl.js';
import { dig } from './dig.js';
import { getent } from './getent.js';
import { host } from './host.js';
import { nslookup } from './nslookup.js';
import { ping } from './ping.js';

export const commands: Record<string, Tool> = { ping, curl, dig, nslookup, host, getent };
