// Layer capture (print): tcpdump 4.99.4's name tables (struct tok arrays): ethertype_values (print-ether.c),
// ipproto_values and netdb_protocol_names (ipproto.c), oui_values (oui.c), ns_type2str (print-domain.c,
// 4.99.4 adds DHCID..AMTRELAY), edns_opt2str, tcp_option_values (print-tcp.c) and the ARP tables.

export type Tok = ReadonlyMap<number, string>;

function tok(entries: Record<number, string>): Tok {
  return new Map(Object.entries(entries).map(([k, v]) => [Number(k), v]));
}

/** "%04x" */
export function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

export const ETHERTYPE_NAMES = tok({
  0x0800: 'IPv4', 0x8847: 'MPLS unicast', 0x8848: 'MPLS multicast', 0x86dd: 'IPv6', 0x8100: '802.1Q',
  0x9100: '802.1Q-9100', 0x88a8: '802.1Q-QinQ', 0x9200: '802.1Q-9200', 0x88e5: '802.1AE MACsec',
  0x0200: 'PUP', 0x0806: 'ARP', 0x8035: 'Reverse ARP', 0x0600: 'NS', 0x0500: 'Sprite', 0x1000: 'Trail',
  0x6001: 'MOP DL', 0x6002: 'MOP RC', 0x6003: 'DN', 0x6004: 'LAT', 0x6007: 'SCA', 0x6558: 'TEB',
  0x8038: 'Lanbridge', 0x803c: 'DEC DNS', 0x803e: 'DEC DTS', 0x805b: 'VEXP', 0x805c: 'VPROD',
  0x809b: 'Appletalk', 0x80f3: 'Appletalk ARP', 0x8137: 'IPX', 0x880b: 'PPP', 0x8808: 'MPCP',
  0x8809: 'Slow Protocols', 0x8863: 'PPPoE D', 0x8864: 'PPPoE S', 0x888e: 'EAPOL', 0x8899: 'Realtek protocols',
  0x886f: 'MS NLB heartbeat', 0x8870: 'Jumbo', 0x894f: 'NSH', 0x9000: 'Loopback', 0xfefe: 'OSI', 0x00fe: 'GRE-OSI',
  0xabcd: 'CFM (old)', 0x8902: 'CFM', 0x893a: 'IEEE1905.1', 0x88cc: 'LLDP', 0x88ca: 'TIPC', 0x0707: 'GeoNet (old)',
  0x8947: 'GeoNet', 0x1111: 'CALM FAST', 0x88a2: 'AoE', 0x88f7: 'PTP', 0xd28b: 'Arista Vendor Specific Protocol',
});

/** ipproto_values: "proto %s (%u)" in ip_print -v. */
export const IPPROTO_NAMES = tok({
  0: 'Options', 1: 'ICMP', 2: 'IGMP', 4: 'IPIP', 6: 'TCP', 8: 'EGP', 9: 'IGRP', 17: 'UDP', 33: 'DCCP', 41: 'IPv6',
  43: 'Routing', 44: 'Fragment', 46: 'RSVP', 47: 'GRE', 50: 'ESP', 51: 'AH', 55: 'Mobile IP', 58: 'ICMPv6',
  62: 'Mobile IP (old)', 88: 'EIGRP', 89: 'OSPF', 103: 'PIM', 108: 'Compressed IP', 112: 'VRRP', 113: 'PGM',
  132: 'SCTP', 135: 'Mobility', 143: 'Ethernet',
});

/** netdb_protocol_names: tcpdump's own copy of the IANA keywords ("" where it has none). */
export const NETDB_PROTOCOL_NAMES: readonly string[] = ["hopopt","icmp","igmp","ggp","ipencap","st","tcp","cbt","egp","igp","bbn-rcc-mon","nvp-ii","pup","argus","emcon","xnet","chaos","udp","mux","dcn-meas","hmp","prm","xns-idp","trunk-1","trunk-2","leaf-1","leaf-2","rdp","irtp","iso-tp4","netblt","mfe-nsp","merit-inp","dccp","3pc","idpr","xtp","ddp","idpr-cmtp","tp++","il","ipv6","sdrp","ipv6-route","ipv6-frag","idrp","rsvp","gre","dsr","bna","esp","ah","i-nlsp","swipe","narp","mobile","tlsp","skip","ipv6-icmp","ipv6-nonxt","ipv6-opts","","cftp","","sat-expak","kryptolan","rvd","ippc","","sat-mon","visa","ipcv","cpnx","rspf","wsn","pvp","br-sat-mon","sun-nd","wb-mon","wb-expak","iso-ip","vmtp","secure-vmtp","vines","ttp","nsfnet-igp","dgp","tcf","eigrp","ospf","sprite-rpc","larp","mtp","ax.25","ipip","micp","scc-sp","etherip","encap","","gmtp","ifmp","pnni","pim","aris","scps","qnx","a/n","ipcomp","snp","compaq-peer","ipx-in-ip","vrrp","pgm","","l2tp","ddx","iatp","stp","srp","uti","smp","sm","ptp","isis","fire","crtp","crudp","sscopmce","iplt","sps","pipe","sctp","fc","rsvp-e2e-ignore","mobility-header","udplite","mpls-in-ip","manet","hip","shim6","wesp","rohc","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","","exptest-253","exptest-254","reserved"];

export const OUI_NAMES = tok({
  0x000000: 'Ethernet', 0x00000c: 'Cisco', 0x00005e: 'IANA', 0x000081: 'Nortel Networks SONMP', 0x0000f8: 'Cisco bridged',
  0x0080c2: 'Ethernet bridged', 0x00a03e: 'ATM Forum', 0x00e02f: 'DOCSIS Spanning Tree', 0x080007: 'Appletalk',
  0x009069: 'Juniper', 0x080009: 'Hewlett-Packard', 0x00120f: 'IEEE 802.3 Private', 0x0012bb: 'ANSI/TIA',
  0x001b21: 'DCBX', 0x002320: 'Nicira Networks', 0x5c16c7: 'Big Switch Networks', 0xb0d2f5: 'Vello Systems',
  0x002481: 'HP', 0x0004ea: 'HP-Labs', 0x748771: 'Infoblox Inc', 0xa42305: 'Open Networking Lab', 0x00049f: 'Freescale',
  0x0015ad: 'Netronome', 0x001018: 'Broadcom', 0x00e004: 'PMC-Sierra', 0xd0f0db: 'Ericsson',
});

export const ARPHRD_NAMES = tok({ 1: 'Ethernet', 6: 'TokenRing', 7: 'ArcNet', 15: 'FrameRelay', 23: 'Strip', 24: 'IEEE 1394', 19: 'ATM', 32: 'InfiniBand' });

export const ARPOP_NAMES = tok({ 1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply', 8: 'Inverse Request', 9: 'Inverse Reply', 10: 'NACK Reply' });

export const TCP_OPTION_NAMES = tok({
  0: 'eol', 1: 'nop', 2: 'mss', 3: 'wscale', 4: 'sackOK', 5: 'sack', 6: 'echo', 7: 'echoreply', 8: 'TS', 11: 'cc',
  12: 'ccnew', 13: '', 19: 'md5', 20: 'scps', 28: 'uto', 29: 'tcp-ao', 30: 'mptcp', 34: 'tfo', 254: 'exp',
});

/** ns_type2str (4.99.4). */
export const DNS_TYPE_NAMES = tok({
  1: 'A', 2: 'NS', 3: 'MD', 4: 'MF', 5: 'CNAME', 6: 'SOA', 7: 'MB', 8: 'MG', 9: 'MR', 10: 'NULL', 11: 'WKS', 12: 'PTR',
  13: 'HINFO', 14: 'MINFO', 15: 'MX', 16: 'TXT', 17: 'RP', 18: 'AFSDB', 19: 'X25', 20: 'ISDN', 21: 'RT', 22: 'NSAP',
  23: 'NSAP_PTR', 24: 'SIG', 25: 'KEY', 26: 'PX', 27: 'GPOS', 28: 'AAAA', 29: 'LOC', 30: 'NXT', 31: 'EID', 32: 'NIMLOC',
  33: 'SRV', 34: 'ATMA', 35: 'NAPTR', 36: 'KX', 37: 'CERT', 38: 'A6', 39: 'DNAME', 40: 'SINK', 41: 'OPT', 42: 'APL',
  43: 'DS', 44: 'SSHFP', 45: 'IPSECKEY', 46: 'RRSIG', 47: 'NSEC', 48: 'DNSKEY', 49: 'DHCID', 50: 'NSEC3',
  51: 'NSEC3PARAM', 52: 'TLSA', 53: 'SMIMEA', 55: 'HIP', 56: 'NINFO', 57: 'RKEY', 58: 'TALINK', 59: 'CDS',
  60: 'CDNSKEY', 61: 'OPENPGPKEY', 62: 'CSYNC', 63: 'ZONEMD', 64: 'SVCB', 65: 'HTTPS', 99: 'SPF', 100: 'UINFO',
  101: 'UID', 102: 'GID', 103: 'UNSPEC', 104: 'NID', 105: 'L32', 106: 'L64', 107: 'LP', 108: 'EUI48', 109: 'EUI64',
  249: 'TKEY', 250: 'TSIG', 251: 'IXFR', 252: 'AXFR', 253: 'MAILB', 254: 'MAILA', 255: 'ANY', 256: 'URI', 257: 'CAA',
  258: 'AVC', 259: 'DOA', 260: 'AMTRELAY', 32768: 'TA', 32769: 'DLV',
});

export const DNS_CLASS_NAMES = tok({ 1: 'IN', 3: 'CHAOS', 4: 'HS', 255: 'ANY' });

export const EDNS_OPT_NAMES = tok({
  1: 'LLQ', 2: 'UL', 3: 'NSID', 5: 'DAU', 6: 'DHU', 7: 'N3U', 8: 'ECS', 9: 'EXPIRE', 10: 'COOKIE', 11: 'KEEPALIVE',
  12: 'PADDING', 13: 'CHAIN', 14: 'KEY-TAG', 16: 'CLIENT-TAG', 17: 'SERVER-TAG',
});
