// Layer wire: bytes <-> headers. One module per protocol (smoltcp's wire layout): offsets and constants,
// readonly header types named after the RFC / Linux structs, parse* (never throws, returns WireResult),
// emit* (computes lengths and checksums), hot-path accessors and in-place edits, pcap I/O and dissect().
// Imports only src/addr; no node:* module, so it runs in a browser.

export * from './wire-result.js';
export * from './bytes.js';
export * from './checksum.js';
export * from './pseudo-header.js';
export * from './ethernet.js';
export * from './arp.js';
export * from './ipv4.js';
export * from './in-place-edit.js';
export * from './icmp.js';
export * from './udp.js';
export * from './tcp-options.js';
export * from './tcp.js';
export * from './dns-types.js';
export * from './dns-name.js';
export * from './dns-rdata.js';
export * from './dns-writer.js';
export * from './dns.js';
export * from './vxlan.js';
export * from './geneve.js';
export * from './sll2.js';
export * from './pcap-file.js';
export * from './pcap-writer.js';
export * from './pcap-reader.js';
export * from './dissect.js';
