// Layer addr: value types for addresses. Imports nothing.
export * from './ipv4-addr.js';
export * from './ipv4-cidr.js';
export * from './mac-addr.js';
export * from './ipv6-text.js';
export * from './ipv4-map.js';
