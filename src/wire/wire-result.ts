// Layer wire: the result of reading bytes. Malformed input is a value, never an exception:
// every parse* returns WireResult, and the error says which layer failed, why, and at which byte offset
// (relative to the buffer handed to that parser). smoltcp's wire::Error, with a reason the UI can show.

export type WireErrorKind = 'truncated' | 'bad-version' | 'bad-header-len' | 'bad-length' | 'bad-checksum' | 'unsupported';

export interface WireError {
  readonly kind: WireErrorKind;
  readonly layer: string;
  readonly offset: number;
  readonly detail?: string;
}

export type WireResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };

export function wireOk<T>(value: T): WireResult<T> {
  return { ok: true, value };
}

export function wireErr<T = never>(kind: WireErrorKind, layer: string, offset: number, detail?: string): WireResult<T> {
  const error: WireError = detail === undefined ? { kind, layer, offset } : { kind, layer, offset, detail };
  return { ok: false, error };
}

/** A parsed header and the bytes it carries (a subarray of the input, never a copy). */
export interface Parsed<H> {
  readonly header: H;
  readonly payload: Uint8Array;
}
