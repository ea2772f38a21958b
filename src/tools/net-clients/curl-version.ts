// Layer tools (net-clients): `curl --version` (tool_version_info() of src/tool_help.c) as each distribution
// builds it: Ubuntu 24.04's curl 8.5.0-2ubuntu10.6 and the curl 8.14.1 netshoot installs from Alpine. The
// Alpine Protocols/Features lines are a real transcript; its library versions (Alpine edge, June 2025,
// where netshoot's Dockerfile upgrades from) are reconstructed — no full version line of that build was found.

import type { CurlRelease } from '../../apps/index.js';

const VERSION_TEXT: Readonly<Record<CurlRelease, readonly string[]>> = {
  '8.5.0': [
    'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7',
    'Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6',
    'Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp',
    'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd',
  ],
  '8.14.1': [
    'curl 8.14.1 (x86_64-alpine-linux-musl) libcurl/8.14.1 OpenSSL/3.5.0 zlib/1.3.1 brotli/1.1.0 zstd/1.5.7 c-ares/1.34.5 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.65.0',
    'Release-Date: 2025-06-04',
    'Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss',
    'Features: alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets zstd',
  ],
};

export function curlVersion(release: CurlRelease): string {
  return `${VERSION_TEXT[release].join('\n')}\n`;
}
