// Layer apps: the programs that run inside pods and hosts on the emulated kernel's sockets: traefik/whoami,
// the router's Apache, CoreDNS, the musl and glibc stub resolvers, the curl engine and iputils ping. Each
// is event-driven on the lab's scheduler and reports through callbacks; tools format their text.

export { WhoamiServer, type WhoamiOptions } from './whoami-server.js';
export { ApacheServer, type ApacheOptions } from './apache-server.js';
export { HttpClient, type CurlEvent, type CurlRelease, type HttpClientOptions } from './http-client.js';
export { interfaceIps } from './interface-ips.js';
export { kernelTcp, type TcpTransport } from './tcp-transport.js';
export { CoreDnsServer, type CoreDnsOptions, type CoreDnsQueryLog } from './dns/coredns-server.js';
export { StaticServiceDirectory, type DnsService, type DnsServicePort, type DnsEndpointAddress, type ServiceDirectory } from './dns/service-directory.js';
export { MuslResolver } from './resolver/musl-resolver.js';
export type { StubResolverOptions } from './resolver/local-names.js';
export { GlibcResolver } from './resolver/glibc-resolver.js';
export { parseResolvConf, type ResolvConf } from './resolver/resolv-conf.js';
export { gaiStrerror, type EaiError, type ResolveResult } from './resolver/resolve-result.js';
export { PingEngine, type PingEvent, type PingSetupError } from './ping/ping-engine.js';
export { PING_DEFAULTS, type IputilsRelease, type PingOptions } from './ping/ping-options.js';
export { formatG, formatPingTime, msText, pingStatistics, type PingStats, type RttSummary } from './ping/ping-stats.js';
export { icmpErrorText } from './ping/ping-icmp-text.js';
export { httpDate } from './http/http-date.js';
