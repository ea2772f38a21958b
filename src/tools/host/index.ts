// Layer tools (host): the host networking and system commands this folder emulates, for the shell's registry.

import type { Tool } from '../process.js';
import { arp } from './arp.js';
import { arping } from './arping.js';
import { hostname } from './hostname.js';
import { ifconfig } from './ifconfig.js';
import { lsmod } from './lsmod.js';
import { modprobe } from './modprobe.js';
import { netstat } from './netstat.js';
import { route } from './route.js';
import { ss } from './ss.js';
import { sysctl } from './sysctl.js';
import { tracepath } from './tracepath.js';
import { traceroute } from './traceroute.js';
import { uname } from './uname.js';

export const commands: Record<string, Tool> = { arp, arping, hostname, ifconfig, lsmod, modprobe, netstat, route, ss, sysctl, tracepath, traceroute, uname };
