// Layer observe: what the lab shows about its own traffic, above the lab: the datapath's monitor events
// (cilium-dbg monitor), Hubble flows and their rings, and the hop-by-hop explanation of a packet.
export * from './monitor/monitor-api.js';
export * from './monitor/monitor-event.js';
export * from './monitor/datapath-monitor.js';
export * from './monitor/monitor-format.js';
export * from './monitor/identity-name.js';
export * from './monitor/drop-reasons.js';
export * from './flows/flow.js';
export * from './flows/flow-filter.js';
export * from './flows/hubble-observer.js';
export * from './explain/explanation.js';
export { explainPing, explainCurl, startPing, startCurl, type ExplainRun, type PingRequest, type CurlRequest } from './explain/explain-run.js';
