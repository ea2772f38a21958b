// Layer capture: packet capture for the lab, below the tools: tcpdump 4.99's text printer, libpcap's
// filter compiler, live capture from a namespace's packet taps, and pcap files. Pure (no node:*), so the
// browser UI can print and filter frames the same way tcpdump does.

export * from './print/packet-printer.js';
export * from './print/print-options.js';
export * from './print/print-names.js';
export * from './filter/compile-filter.js';
export * from './filter/filter-names.js';
export * from './filter/filter-error.js';
export type { FilterPacket } from './filter/filter-program.js';
export * from './live-capture.js';
export * from './capture-pcap.js';
export * from './read-capture.js';
