// Layer capture (filter): libpcap's qualifiers (struct qual: addr, proto, dir). A primitive's value
// ("host 10.0.0.1", "port 80 or 443") is read under the qualifiers written before it or inherited from the
// previous primitive; `undef` is qerr, what a bare value inherits after a term with no qualifiers.

export type QAddr = 'default' | 'undef' | 'host' | 'net' | 'port' | 'portrange' | 'proto' | 'protochain' | 'gateway';
export type QDir = 'default' | 'undef' | 'src' | 'dst' | 'or' | 'and' | 'addr1' | 'addr2' | 'addr3' | 'addr4' | 'ra' | 'ta';
export type QProto =
  | 'default' | 'undef' | 'link' | 'ip' | 'arp' | 'rarp' | 'sctp' | 'tcp' | 'udp' | 'icmp' | 'igmp' | 'igrp' | 'pim' | 'vrrp'
  | 'carp' | 'atalk' | 'aarp' | 'decnet' | 'lat' | 'sca' | 'moprc' | 'mopdl' | 'ip6' | 'icmp6' | 'ah' | 'esp' | 'iso'
  | 'esis' | 'isis' | 'l1' | 'l2' | 'iih' | 'lsp' | 'snp' | 'csnp' | 'psnp' | 'clnp' | 'stp' | 'ipx' | 'netbeui' | 'radio';

export interface Qual {
  readonly addr: QAddr;
  readonly proto: QProto;
  readonly dir: QDir;
}

export const QERR: Qual = { addr: 'undef', proto: 'undef', dir: 'undef' };

/** The grammar's pname tokens and the protocol qualifier each stands for. */
export const PNAME_TOKENS: Readonly<Record<string, QProto>> = {
  LINK: 'link', IP: 'ip', ARP: 'arp', RARP: 'rarp', SCTP: 'sctp', TCP: 'tcp', UDP: 'udp', ICMP: 'icmp', IGMP: 'igmp',
  IGRP: 'igrp', PIM: 'pim', VRRP: 'vrrp', CARP: 'carp', ATALK: 'atalk', AARP: 'aarp', DECNET: 'decnet', LAT: 'lat',
  SCA: 'sca', MOPDL: 'mopdl', MOPRC: 'moprc', IPV6: 'ip6', ICMPV6: 'icmp6', AH: 'ah', ESP: 'esp', ISO: 'iso',
  ESIS: 'esis', ISIS: 'isis', L1: 'l1', L2: 'l2', IIH: 'iih', LSP: 'lsp', SNP: 'snp', PSNP: 'psnp', CSNP: 'csnp',
  CLNP: 'clnp', STP: 'stp', IPX: 'ipx', NETBEUI: 'netbeui', RADIO: 'radio',
};

export const AQUAL_TOKENS: Readonly<Record<string, QAddr>> = { HOST: 'host', NET: 'net', PORT: 'port', PORTRANGE: 'portrange' };

export const DIR_TOKENS: Readonly<Record<string, QDir>> = { ADDR1: 'addr1', ADDR2: 'addr2', ADDR3: 'addr3', ADDR4: 'addr4', RA: 'ra', TA: 'ta' };
