// Layer observe: Cilium's drop reasons as the monitor and Hubble know them: the code and text of
// pkg/monitor/api/drop.go (v1.18.0) and the DropReason enum name of api/v1/flow/flow.proto, plus the code
// of each reason the lab's datapath raises (src/net/drop-reason.ts names them by text).

/** code -> drop.go text, for the reasons this datapath can raise. */
const DROP_TEXT: Readonly<Record<number, string>> = {
  132: 'Invalid source ip',
  133: 'Policy denied',
  134: 'Invalid packet',
  139: 'Unsupported L3 protocol',
  140: 'Missed tail call',
  150: 'Unknown L3 target address',
  151: 'Stale or unroutable IP',
  155: 'CT: Map insertion failed',
  158: 'Service backend not found',
  160: 'No tunnel/encapsulation endpoint (datapath BUG!)',
  163: 'Unknown connection tracking state',
  167: 'No mapping for NAT masquerade',
  169: 'FIB lookup failed',
  196: 'TTL exceeded',
};

/** code -> flow.proto DropReason. */
const DROP_ENUM: Readonly<Record<number, string>> = {
  132: 'INVALID_SOURCE_IP',
  133: 'POLICY_DENIED',
  134: 'INVALID_PACKET_DROPPED',
  139: 'UNSUPPORTED_L3_PROTOCOL',
  140: 'MISSED_TAIL_CALL',
  150: 'UNKNOWN_L3_TARGET_ADDRESS',
  151: 'STALE_OR_UNROUTABLE_IP',
  155: 'CT_MAP_INSERTION_FAILED',
  158: 'SERVICE_BACKEND_NOT_FOUND',
  160: 'NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT',
  163: 'UNKNOWN_CONNECTION_TRACKING_STATE',
  167: 'NO_MAPPING_FOR_NAT_MASQUERADE',
  169: 'FIB_LOOKUP_FAILED',
  196: 'TTL_EXCEEDED',
};

/** The lab's texts that differ from 1.18's: "No FIB entry found" is DROP_NO_FIB (169), now "FIB lookup failed". */
const ALIASES: Readonly<Record<string, number>> = { 'No FIB entry found': 169 };

/** The monitor code of a Cilium drop reason text, or undefined for a kernel reason. */
export function dropCode(reason: string): number | undefined {
  const alias = ALIASES[reason];
  if (alias !== undefined) return alias;
  for (const [code, text] of Object.entries(DROP_TEXT)) if (text === reason) return Number(code);
  return undefined;
}

/** api.DropReason(code): the text, or the numbers when unknown ("%d, %d"). */
export function dropText(code: number): string {
  return DROP_TEXT[code] ?? `${code}, 0`;
}

export function dropEnumName(code: number): string {
  return DROP_ENUM[code] ?? 'DROP_REASON_UNKNOWN';
}

/** flow.proto DropReason name -> code, for `hubble observe --drop-reason-desc`. */
export function dropCodeOfEnum(name: string): number | undefined {
  for (const [code, n] of Object.entries(DROP_ENUM)) if (n === name) return Number(code);
  return undefined;
}
