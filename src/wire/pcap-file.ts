// Layer wire: the classic libpcap file format (pcap-savefile(5), draft-ietf-opsawg-pcap): a 24-byte file
// header (magic, version 2.4, thiszone, sigfigs, snaplen, linktype) then records of a 16-byte header
// (ts_sec, ts_usec or ts_nsec, incl_len = caplen, orig_len) and the captured bytes. Either byte order;
// the magic tells which (tcpdump writes host order: little-endian on x86).

export const PCAP_MAGIC_USEC = 0xa1b2c3d4;
export const PCAP_MAGIC_NSEC = 0xa1b23c4d;
export const PCAP_FILE_HEADER_LEN = 24;
export const PCAP_RECORD_HEADER_LEN = 16;
export const PCAP_VERSION_MAJOR = 2;
export const PCAP_VERSION_MINOR = 4;
/** tcpdump's default snapshot length (MAXIMUM_SNAPLEN). */
export const PCAP_DEFAULT_SNAPLEN = 262144;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_LINUX_SLL2 = 276;

export type PcapByteOrder = 'little' | 'big';

export interface PcapFileHeader {
  readonly linktype: number;
  /** Default PCAP_DEFAULT_SNAPLEN. */
  readonly snaplen?: number;
  /** Default 'little', as tcpdump writes on x86 and arm64. */
  readonly byteOrder?: PcapByteOrder;
  /** 'usec' (magic 0xa1b2c3d4, default) or 'nsec' (0xa1b23c4d). */
  readonly tsResolution?: 'usec' | 'nsec';
  readonly versionMajor?: number;
  readonly versionMinor?: number;
  readonly thiszone?: number;
  readonly sigfigs?: number;
}

export type ParsedPcapFileHeader = Required<PcapFileHeader>;

export interface PcapRecord {
  readonly tsSec: number;
  /** Microseconds (nanoseconds in an 'nsec' file). */
  readonly tsUsec: number;
  /** The captured bytes (caplen = data.length). */
  readonly data: Uint8Array;
  /** Length on the wire; defaults to data.length. */
  readonly origLen?: number;
}

export type ParsedPcapRecord = PcapRecord & { readonly origLen: number };
