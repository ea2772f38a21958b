// The normalisers the seed comparison applies to both sides, each named: they remove only what differs
// between any two real clusters (random pod names, pod and service IPs, identities, ages, clock times,
// RTTs, ephemeral ports, ICMP ids, ifindexes, MACs, address lifetimes) and what the blog's formatting
// lost or kept inconsistently (runs of spaces, blank lines, colours, the terminal's ^C echo), plus the
// blogger's own `# ...` annotations on output lines.

export type Normalizer = readonly [name: string, fn: (line: string) => string];

const ROUTER_IPS = new Set(['172.20.0.172', '172.20.1.16', '172.20.2.247']);

export const NORMALIZERS: readonly Normalizer[] = [
  ['colours', (l) => l.replace(/\x1b\[[0-9;]*m/g, '')],
  ['ctrl-c-echo', (l) => (l.trim() === '^C' ? '' : l)],
  ['spaces', (l) => l.replace(/\s+/g, ' ').trim()],
  ['pod-name-suffixes', (l) => l.replace(/\b(webpod)-[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, '$1-<hash>-<id>').replace(/\b(webpod|cilium)-[a-z0-9]{5}\b/g, '$1-<id>')],
  ['pod-ips', (l) => l.replace(/\b172\.20\.(\d)\.(\d{1,3})\b(?!\/)/g, (ip, n: string) => (ROUTER_IPS.has(ip) ? ip : `172.20.${n}.<ip>`))],
  ['service-ips', (l) => l.replace(/\b10\.96\.(\d{1,3})\.(\d{1,3})\b/g, (ip) => (ip === '10.96.0.1' || ip === '10.96.0.10' ? ip : '10.96.<ip>'))],
  ['identities', (l) => l.replace(/\binstance \d+/g, 'instance <identity>').replace(/^(\S+ )\d{3,5}( ready )/, '$1<identity>$2').replace(/\(ID:\d+\)/g, '(ID:<identity>)')],
  ['ages', (l) => l.replace(/(^| )\d+[smhd](\d+[smh])?(?= |$)/g, '$1<age>')],
  ['clock-times', (l) => l.replace(/\b\d\d:\d\d:\d\d\.\d{6}\b/g, '<time>')],
  ['rtts', (l) => l.replace(/time=[\d.]+ ms/g, 'time=<rtt> ms').replace(/= [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/g, '= <rtt> ms').replace(/time \d+ms/g, 'time <ms>')],
  ['ephemeral-ports', (l) => l.replace(/\b((?:\d{1,3}\.){3}\d{1,3})\.\d{4,5}( > |: )/g, '$1.<port>$2')],
  ['icmp-ids', (l) => l.replace(/\bid \d+, seq/g, 'id <id>, seq')],
  ['ifindexes', (l) => l.replace(/^\d+: /, '<idx>: ').replace(/@if\d+/g, '@if<idx>')],
  ['lifetimes', (l) => l.replace(/valid_lft \d+sec preferred_lft \d+sec/, 'valid_lft <lft> preferred_lft <lft>')],
  ['macs', (l) => l.replace(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/g, '<mac>').replace(/fe80::[0-9a-f:]+\/64/g, 'fe80::<eui64>/64').replace(/fd17:625c:f037:2:[0-9a-f:]+\/64/g, 'fd17:625c:f037:2:<eui64>/64')],
];

/** Only for the blog's side: the author's annotations after output ("... proto static # router로 향함"). */
export function stripBlogComment(line: string): string {
  return line.replace(/\s+#\s.*$/, '');
}

export function normalize(line: string): string {
  return NORMALIZERS.reduce((l, [, fn]) => fn(l), line);
}

export function normalizeAll(lines: readonly string[]): string[] {
  return lines.map(normalize).filter((l) => l !== '');
}
