// Layer tools (tcpdump): tcpdump's fixed texts: print_usage() and print_version() of the lab's build
// (Ubuntu 24.04: tcpdump 4.99.4, libpcap 1.10.4, OpenSSL 3.0.13), the link type names
// (pcap_datalink_val_to_name / _description) and info()'s closing counts.

import type { PrintLinktype } from '../../capture/index.js';

export const VERSION_TEXT = 'tcpdump version 4.99.4\nlibpcap version 1.10.4 (with TPACKET_V3)\nOpenSSL 3.0.13 30 Jan 2024\n';

export const USAGE_TEXT = `${VERSION_TEXT}Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]
`;

export const LINKTYPE_NAMES: Readonly<Record<PrintLinktype, string>> = { en10mb: 'EN10MB', 'linux-sll2': 'LINUX_SLL2' };
export const LINKTYPE_DESCRIPTIONS: Readonly<Record<PrintLinktype, string>> = { en10mb: 'Ethernet', 'linux-sll2': 'Linux cooked v2' };

/** pcap_datalink_val_to_name/_description for the link types a savefile may carry. */
export const DLT_BY_VALUE: Readonly<Record<number, readonly [string, string]>> = {
  0: ['NULL', 'BSD loopback'], 1: ['EN10MB', 'Ethernet'], 12: ['RAW', 'Raw IP'], 101: ['RAW', 'Raw IP'],
  113: ['LINUX_SLL', 'Linux cooked v1'], 276: ['LINUX_SLL2', 'Linux cooked v2'],
};

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

/** info(1): the three lines tcpdump prints when a live capture ends. */
export function closingCounts(captured: number, received: number): string {
  return `${captured} packet${plural(captured)} captured\n${received} packet${plural(received)} received by filter\n0 packets dropped by kernel\n`;
}

export function linktypeText(lt: PrintLinktype): string {
  return `link-type ${LINKTYPE_NAMES[lt]} (${LINKTYPE_DESCRIPTIONS[lt]})`;
}
