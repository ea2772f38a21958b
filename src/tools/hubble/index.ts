// Layer tools (hubble): the `hubble` command, and `cilium-dbg monitor` for the cilium-dbg dispatcher.
export { hubble } from './hubble.js';
export { ciliumDbgMonitor } from './cilium-dbg-monitor.js';
