// Layer capture (filter): libpcap's scanner.l. The longest match wins and, between equally long matches,
// the earlier rule: keywords, operators, $arcnet, MAC, numbers (0x hex, 0 octal), dotted IPv4 (2-4
// parts), IPv6, named constants (tcp-syn, icmp-echo, tcpflags), then identifiers and \escaped names.
// A bad number or address becomes an error token carrying libpcap's message.

import { SYNTAX_ERROR } from './filter-error.js';

export interface Token {
  /** A keyword's grammar token (HOST, LINK, ...), an operator, NUM, HID, HID6, EID, AID, ID, ERROR or EOF. */
  readonly kind: string;
  readonly text: string;
  readonly num: number;
  /** For ERROR: the message libpcap reports. */
  readonly message?: string;
}

const KEYWORDS: Readonly<Record<string, string>> = {
  dst: 'DST', src: 'SRC', link: 'LINK', ether: 'LINK', ppp: 'LINK', slip: 'LINK', fddi: 'LINK', tr: 'LINK', wlan: 'LINK',
  arp: 'ARP', rarp: 'RARP', ip: 'IP', sctp: 'SCTP', tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', igmp: 'IGMP', igrp: 'IGRP',
  pim: 'PIM', vrrp: 'VRRP', carp: 'CARP', radio: 'RADIO', ip6: 'IPV6', icmp6: 'ICMPV6', ah: 'AH', esp: 'ESP',
  atalk: 'ATALK', aarp: 'AARP', decnet: 'DECNET', lat: 'LAT', sca: 'SCA', moprc: 'MOPRC', mopdl: 'MOPDL', iso: 'ISO',
  esis: 'ESIS', 'es-is': 'ESIS', isis: 'ISIS', 'is-is': 'ISIS', l1: 'L1', l2: 'L2', iih: 'IIH', lsp: 'LSP', snp: 'SNP',
  csnp: 'CSNP', psnp: 'PSNP', clnp: 'CLNP', stp: 'STP', ipx: 'IPX', netbeui: 'NETBEUI', host: 'HOST', net: 'NET',
  mask: 'NETMASK', port: 'PORT', portrange: 'PORTRANGE', proto: 'PROTO', protochain: 'PROTOCHAIN', gateway: 'GATEWAY',
  type: 'TYPE', subtype: 'SUBTYPE', direction: 'DIR', dir: 'DIR', address1: 'ADDR1', addr1: 'ADDR1', address2: 'ADDR2',
  addr2: 'ADDR2', address3: 'ADDR3', addr3: 'ADDR3', address4: 'ADDR4', addr4: 'ADDR4', ra: 'RA', ta: 'TA', less: 'LESS',
  greater: 'GREATER', byte: 'CBYTE', broadcast: 'TK_BROADCAST', multicast: 'TK_MULTICAST', and: 'AND', or: 'OR',
  not: '!', len: 'LEN', length: 'LEN', inbound: 'INBOUND', outbound: 'OUTBOUND', ifindex: 'IFINDEX', vlan: 'VLAN',
  mpls: 'MPLS', pppoed: 'PPPOED', pppoes: 'PPPOES', geneve: 'GENEVE', lane: 'LANE', llc: 'LLC', metac: 'METAC',
  bcc: 'BCC', oam: 'OAM', oamf4: 'OAMF4', oamf4ec: 'OAMF4EC', oamf4sc: 'OAMF4SC', sc: 'SC', ilmic: 'ILMIC', vpi: 'VPI',
  vci: 'VCI', connectmsg: 'CONNECTMSG', metaconnect: 'METACONNECT', on: 'PF_IFNAME', ifname: 'PF_IFNAME', rset: 'PF_RSET',
  ruleset: 'PF_RSET', rnr: 'PF_RNR', rulenum: 'PF_RNR', srnr: 'PF_SRNR', subrulenum: 'PF_SRNR', reason: 'PF_REASON',
  action: 'PF_ACTION', fisu: 'FISU', lssu: 'LSSU', lsu: 'LSSU', msu: 'MSU', hfisu: 'HFISU', hlssu: 'HLSSU', hmsu: 'HMSU',
  sio: 'SIO', opc: 'OPC', dpc: 'DPC', sls: 'SLS', hsio: 'HSIO', hopc: 'HOPC', hdpc: 'HDPC', hsls: 'HSLS',
};

/** The named numbers of scanner.l (icmptype .. tcp-cwr). */
const CONSTANTS: Readonly<Record<string, number>> = {
  icmptype: 0, icmpcode: 1, 'icmp-echoreply': 0, 'icmp-unreach': 3, 'icmp-sourcequench': 4, 'icmp-redirect': 5,
  'icmp-echo': 8, 'icmp-routeradvert': 9, 'icmp-routersolicit': 10, 'icmp-timxceed': 11, 'icmp-paramprob': 12,
  'icmp-tstamp': 13, 'icmp-tstampreply': 14, 'icmp-ireq': 15, 'icmp-ireqreply': 16, 'icmp-maskreq': 17,
  'icmp-maskreply': 18, icmp6type: 0, icmp6code: 1, 'icmp6-destinationunreach': 1, 'icmp6-packettoobig': 2,
  'icmp6-timeexceeded': 3, 'icmp6-parameterproblem': 4, 'icmp6-echo': 128, 'icmp6-echoreply': 129,
  'icmp6-multicastlistenerquery': 130, 'icmp6-multicastlistenerreportv1': 131, 'icmp6-multicastlistenerdone': 132,
  'icmp6-routersolicit': 133, 'icmp6-routeradvert': 134, 'icmp6-neighborsolicit': 135, 'icmp6-neighboradvert': 136,
  'icmp6-redirect': 137, 'icmp6-routerrenum': 138, 'icmp6-nodeinformationquery': 139, 'icmp6-nodeinformationresponse': 140,
  'icmp6-ineighbordiscoverysolicit': 141, 'icmp6-ineighbordiscoveryadvert': 142, 'icmp6-multicastlistenerreportv2': 143,
  'icmp6-homeagentdiscoveryrequest': 144, 'icmp6-homeagentdiscoveryreply': 145, 'icmp6-mobileprefixsolicit': 146,
  'icmp6-mobileprefixadvert': 147, 'icmp6-certpathsolicit': 148, 'icmp6-certpathadvert': 149,
  'icmp6-multicastrouteradvert': 151, 'icmp6-multicastroutersolicit': 152, 'icmp6-multicastrouterterm': 153,
  tcpflags: 13, 'tcp-fin': 0x01, 'tcp-syn': 0x02, 'tcp-rst': 0x04, 'tcp-push': 0x08, 'tcp-ack': 0x10, 'tcp-urg': 0x20,
  'tcp-ece': 0x40, 'tcp-cwr': 0x80,
};

const N = '(?:0[xX][0-9A-Fa-f]+|[0-9]+)';
const B = '[0-9A-Fa-f][0-9A-Fa-f]?';
const B2 = '[0-9A-Fa-f]{4}';
const W = '[0-9A-Fa-f]{1,4}';
const V4 = `${N}\\.${N}\\.${N}\\.${N}`;

/** scanner.l's V6 alternatives: 8 groups, or fewer around one "::", optionally ending in a dotted IPv4 address. */
function v6Alternatives(): string[] {
  const side = (n: number) => (n === 0 ? '' : `${W}(?::${W}){${n - 1}}`);
  const alts: string[] = [`${W}(?::${W}){7}`, `${W}(?::${W}){5}:${V4}`];
  for (let total = 0; total <= 7; total++) for (let left = 0; left <= total; left++) alts.push(`${side(left)}::${side(total - left)}`);
  for (let total = 0; total <= 5; total++) for (let left = 0; left <= total; left++) alts.push(`${side(left)}::${side(total - left)}${total - left > 0 ? ':' : ''}${V4}`);
  return alts;
}

/** JavaScript alternation takes the first match, flex the longest: each alternative is tried on its own. */
const V6_RULES = v6Alternatives().map((a) => new RegExp(a, 'y'));

/** The patterns after the keywords, in rule order. */
const RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ['WS', /[ \r\n\t]+/y],
  ['OP2', /(?:>=|<=|!=|==|<<|>>|&&|\|\|)/y],
  ['OP', /[+\-*/%:[\]!<>()&|^=]/y],
  ['AID', new RegExp(`\\$${B}`, 'y')],
  ['EID', new RegExp(`(?:${B}:${B}:${B}:${B}:${B}:${B}|${B}-${B}-${B}-${B}-${B}-${B}|${B}\\.${B}\\.${B}\\.${B}\\.${B}\\.${B}|${B2}\\.${B2}\\.${B2}|(?:${B2}){3})`, 'y')],
  ['NUM', new RegExp(N, 'y')],
  ['HID', new RegExp(`(?:${N}\\.${N}\\.${N}\\.${N}|${N}\\.${N}\\.${N}|${N}\\.${N})`, 'y')],
  ['BOGUS', new RegExp(`${B}:+(?:${B}:+)+`, 'y')],
  ['ID', /[A-Za-z0-9](?:[-_.A-Za-z0-9]*[.A-Za-z0-9])?/y],
  ['ESC', /\\[^ !()\n\t]+/y],
];

const OP2: Readonly<Record<string, string>> = { '>=': 'GEQ', '<=': 'LEQ', '!=': 'NEQ', '==': '=', '<<': 'LSH', '>>': 'RSH', '&&': 'AND', '||': 'OR' };

function longest(src: string, at: number): { rule: string; text: string } {
  let best = { rule: 'ERROR', text: src[at] ?? '' };
  let bestLen = 0;
  const word = /[A-Za-z0-9][-_.A-Za-z0-9]*/y;
  word.lastIndex = at;
  const w = word.exec(src)?.[0] ?? '';
  for (let n = w.length; n > 0; n--) {
    const cand = w.slice(0, n);
    if (Object.hasOwn(KEYWORDS, cand) || Object.hasOwn(CONSTANTS, cand)) {
      best = { rule: 'WORD', text: cand };
      bestLen = n;
      break;
    }
  }
  for (const [rule, re] of RULES) {
    re.lastIndex = at;
    const m = re.exec(src);
    if (m && m[0].length > bestLen) {
      best = { rule, text: m[0] };
      bestLen = m[0].length;
    }
    if (rule !== 'HID') continue;
    for (const v6 of V6_RULES) {
      v6.lastIndex = at;
      const m6 = v6.exec(src);
      if (m6 && m6[0].length > bestLen) {
        best = { rule: 'HID6', text: m6[0] };
        bestLen = m6[0].length;
      }
    }
  }
  return best;
}

/** stou(): hex, octal or decimal, 32 bits at most. */
function number(text: string): Token {
  const isHex = /^0[xX]/.test(text);
  const isOctal = !isHex && text.length > 1 && text.startsWith('0');
  if (isOctal && /[89]/.test(text)) return { kind: 'ERROR', text, num: 0, message: `number ${text} contains non-octal digit` };
  const n = isHex ? Number.parseInt(text.slice(2), 16) : isOctal ? Number.parseInt(text.slice(1), 8) : Number(text);
  if (n > 0xffffffff) return { kind: 'ERROR', text, num: 0, message: `number ${text} overflows 32 bits` };
  return { kind: 'NUM', text, num: n };
}

function token(rule: string, text: string): Token | undefined {
  switch (rule) {
    case 'WS':
      return undefined;
    case 'WORD': {
      const kw = KEYWORDS[text];
      return kw !== undefined ? { kind: kw, text, num: 0 } : { kind: 'NUM', text, num: CONSTANTS[text] ?? 0 };
    }
    case 'OP':
      return { kind: text, text, num: 0 };
    case 'OP2':
      return { kind: OP2[text] ?? text, text, num: 0 };
    case 'NUM':
      return number(text);
    case 'BOGUS':
      return { kind: 'ERROR', text, num: 0, message: `bogus ethernet address ${text}` };
    case 'ESC':
      return { kind: 'ID', text: text.slice(1), num: 0 };
    case 'ERROR':
      return { kind: 'ERROR', text, num: 0, message: SYNTAX_ERROR };
    default:
      return { kind: rule, text, num: 0 };
  }
}

/** Splits an expression into tokens, ending with EOF. @example tokenize('udp port 8472').map((t) => t.kind) */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  while (at < src.length) {
    const m = longest(src, at);
    const t = token(m.rule, m.text);
    if (t) out.push(t);
    at += Math.max(1, m.text.length);
  }
  out.push({ kind: 'EOF', text: '', num: 0 });
  return out;
}
