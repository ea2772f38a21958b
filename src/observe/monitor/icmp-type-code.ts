// Layer observe: gopacket's ICMPv4TypeCode.String() (layers/icmp4.go), which both the monitor's connection
// summary ("icmp EchoRequest") and Hubble's flow summary ("ICMPv4 TimeExceeded(TTLExceeded)") print.

const UNREACH = ['Net', 'Host', 'Protocol', 'Port', 'FragmentationNeeded', 'SourceRoutingFailed', 'NetUnknown', 'HostUnknown', 'SourceIsolated', 'NetAdminProhibited', 'HostAdminProhibited', 'NetTOS', 'HostTOS', 'CommAdminProhibited', 'HostPrecedence', 'PrecedenceCutoff'];

const TYPES: Readonly<Record<number, { readonly name: string; readonly codes?: readonly string[] }>> = {
  0: { name: 'EchoReply' },
  3: { name: 'DestinationUnreachable', codes: UNREACH },
  4: { name: 'SourceQuench' },
  5: { name: 'Redirect', codes: ['Net', 'Host', 'TOS+Net', 'TOS+Host'] },
  8: { name: 'EchoRequest' },
  9: { name: 'RouterAdvertisement' },
  10: { name: 'RouterSolicitation' },
  11: { name: 'TimeExceeded', codes: ['TTLExceeded', 'FragmentReassemblyTimeExceeded'] },
  12: { name: 'ParameterProblem', codes: ['PointerIndicatesError', 'MissingOption', 'BadLength'] },
  13: { name: 'TimestampRequest' },
  14: { name: 'TimestampReply' },
  15: { name: 'InfoRequest' },
  16: { name: 'InfoReply' },
  17: { name: 'AddressMaskRequest' },
  18: { name: 'AddressMaskReply' },
};

/** @example icmpTypeCodeString(11, 0) // 'TimeExceeded(TTLExceeded)' */
export function icmpTypeCodeString(type: number, code: number): string {
  const info = TYPES[type];
  if (!info) return `${type}(${code})`;
  if (!info.codes) return code === 0 ? info.name : `${info.name}(Code: ${code})`;
  const c = info.codes[code];
  return c === undefined ? `${info.name}(Code: ${code})` : `${info.name}(${c})`;
}
