// Layer sim: virtual time, seeded randomness and the trace bus. A leaf: imports nothing.
export * from './scheduler.js';
export * from './rng.js';
export * from './trace-bus.js';
export * from './uuid.js';
