// The browser entry of the library: everything web/ may import, and nothing that touches node:*. It puts
// together what the CLI's session setup uses (lab, shell session, tool registry, virtual-time driver,
// Tab completion) with what only the page shows: the topology model, the trace bus's recorded events and
// packet trails, dissected header stacks, the tcpdump line printer, pcap files and explanations.

export { buildLab, loadDefaultLab, loadLabFile, helmValueAt, helmBool, DEFAULT_LAB_TEXT, DEFAULT_LAB_FILE_NAME, Lab, CURL_POD_YAML, WEBPOD_YAML, type LabSpec } from './lab/index.js';
export { topologyOf, type Topology, type TopoHost, type TopoInterface, type TopoPod } from './lab/topology.js';
export { LabSession, Terminal, VirtualTimeDriver, type Screen, type MacrotaskYield } from './shell/index.js';
export { commands } from './tools/registry.js';
export type { HostTarget } from './tools/process.js';
export { completer } from './cli/completion.js';
export { formatIpv4 } from './addr/index.js';
export { dissect, PcapWriter, LINKTYPE_ETHERNET, type Layer } from './wire/index.js';
export { PacketPrinter, DEFAULT_PRINT_OPTIONS, printNames } from './capture/index.js';
export { startPing, startCurl, type Explanation, type PacketTrail } from './observe/index.js';
export { TraceRecorder, type Recorded } from './observe/explain/recorder.js';
export { buildTrail, placeOf } from './observe/explain/trail.js';
export { headerStack } from './observe/explain/header-stack.js';
