// Layer observe: Cilium's drop reasons as the monitor and Hubble know them, by code: the text of
// pkg/monitor/api/drop.go and the DropReason name of api/v1/flow/flow.proto (the table lives with the
// datapath that raises them: src/net/drop-reason.ts).

import { CILIUM_DROPS, type CiliumDropReason } from '../../net/drop-reason.js';

const BY_CODE = new Map<number, { readonly text: CiliumDropReason; readonly flowEnum: string }>(
  Object.entries(CILIUM_DROPS).map(([text, d]) => [d.code, { text: text as CiliumDropReason, flowEnum: d.flowEnum }]),
);

/** The monitor code of a Cilium drop reason text, or undefined for a kernel reason. */
export function dropCode(reason: string): number | undefined {
  return (CILIUM_DROPS as Readonly<Record<string, { readonly code: number }>>)[reason]?.code;
}

/** api.DropReason(code): the text, or the numbers when unknown ("%d, %d"). */
export function dropText(code: number): string {
  return BY_CODE.get(code)?.text ?? `${code}, 0`;
}

export function dropEnumName(code: number): string {
  return BY_CODE.get(code)?.flowEnum ?? 'DROP_REASON_UNKNOWN';
}

/** flow.proto DropReason name -> code, for `hubble observe --drop-reason-desc`. */
export function dropCodeOfEnum(name: string): number | undefined {
  for (const [code, d] of BY_CODE) if (d.flowEnum === name) return code;
  return undefined;
}
