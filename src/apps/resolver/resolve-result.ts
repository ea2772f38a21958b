// Layer apps: what a getaddrinfo() call ends in: addresses with the canonical name, or an EAI_* error
// with the text gai_strerror() gives in each C library (musl src/network/gai_strerror.c, glibc
// sysdeps/posix/gai_strerror-strs.h): curl, ping and ssh print these.

import type { Ipv4Addr } from '../../addr/index.js';

export type EaiError = 'EAI_NONAME' | 'EAI_AGAIN' | 'EAI_FAIL' | 'EAI_NODATA' | 'EAI_SYSTEM';

export type ResolveResult =
  | { readonly ok: true; readonly v4: readonly Ipv4Addr[]; readonly v6: readonly string[]; readonly canonName: string; readonly source: 'numeric' | 'hosts' | 'dns' }
  | { readonly ok: false; readonly error: EaiError; readonly text: string };

const MUSL_TEXT: Readonly<Record<EaiError, string>> = {
  EAI_NONAME: 'Name does not resolve',
  EAI_AGAIN: 'Try again',
  EAI_FAIL: 'Non-recoverable error',
  EAI_NODATA: 'Name has no usable address',
  EAI_SYSTEM: 'System error',
};

const GLIBC_TEXT: Readonly<Record<EaiError, string>> = {
  EAI_NONAME: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
  EAI_FAIL: 'Non-recoverable failure in name resolution',
  EAI_NODATA: 'No address associated with hostname',
  EAI_SYSTEM: 'System error',
};

export function gaiStrerror(libc: 'musl' | 'glibc', e: EaiError): string {
  return (libc === 'musl' ? MUSL_TEXT : GLIBC_TEXT)[e];
}

export function resolveError(libc: 'musl' | 'glibc', error: EaiError): ResolveResult {
  return { ok: false, error, text: gaiStrerror(libc, error) };
}
