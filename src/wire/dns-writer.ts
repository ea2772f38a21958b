// Layer wire: a growable DNS message buffer with name compression as miekg/dns (CoreDNS) packs it
// (RFC 1035 §4.1.4): for each name, the longest suffix already written becomes a pointer; every suffix not
// yet seen and starting below offset 0x4000 is remembered, even in fields that must not be compressed
// (SRV targets, RFC 2782). Suffixes match case-sensitively on their presentation form.

import { writeU16, writeU32 } from './bytes.js';
import { canonicalDnsName, dnsNameLabels } from './dns-name.js';

const MAX_POINTER_OFFSET = 0x4000;

export class DnsWriter {
  private buf = new Uint8Array(512);
  private len = 0;
  private readonly suffixes: Map<string, number> | undefined;

  /** `compress: false` writes every name in full and remembers nothing (miekg's Compress = false). */
  constructor(opts: { readonly compress: boolean }) {
    this.suffixes = opts.compress ? new Map() : undefined;
  }

  get offset(): number {
    return this.len;
  }

  private reserve(n: number): number {
    const at = this.len;
    if (at + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, at + n));
      grown.set(this.buf.subarray(0, at));
      this.buf = grown;
    }
    this.len = at + n;
    return at;
  }

  // Each writer reserves first: reserve() may swap in a bigger buffer, and `this.buf` must be read after it.
  u8(v: number): void {
    const at = this.reserve(1);
    this.buf[at] = v & 0xff;
  }

  u16(v: number): void {
    const at = this.reserve(2);
    writeU16(this.buf, at, v);
  }

  u32(v: number): void {
    const at = this.reserve(4);
    writeU32(this.buf, at, v);
  }

  bytes(b: Uint8Array): void {
    const at = this.reserve(b.length);
    this.buf.set(b, at);
  }

  /** Overwrites a 16-bit field written earlier (RDLENGTH). */
  patchU16(at: number, v: number): void {
    writeU16(this.buf, at, v);
  }

  /** Writes a name; throws RangeError on a name dnsNameLabels rejects (validate user input first). */
  name(name: string, opts: { readonly compress: boolean }): void {
    const labels = dnsNameLabels(name);
    if (!labels.ok) throw new RangeError(labels.error.detail ?? 'invalid DNS name');
    const ls = labels.value;
    for (let i = 0; i < ls.length; i++) {
      const key = canonicalDnsName(ls.slice(i));
      const ptr = this.suffixes?.get(key);
      if (ptr !== undefined && opts.compress) {
        this.u16(0xc000 | ptr);
        return;
      }
      if (ptr === undefined && this.suffixes && this.len < MAX_POINTER_OFFSET) this.suffixes.set(key, this.len);
      const label = ls[i] ?? new Uint8Array(0);
      this.u8(label.length);
      this.bytes(label);
    }
    this.u8(0);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
