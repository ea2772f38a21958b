// curl --help / --version / --manual on a VM (Ubuntu's 8.5.0) and in the netshoot pod (Alpine's 8.14.1).
// 8.5.0's help layout and tables equal those of the Debian curl 7.88.1 this was written on: the VM texts
// below are that curl's real output. The 8.14.1 texts follow src/tool_help.c and src/tool_listhelp.c of
// the tag curl-8_14_1 (tool_help(), print_category() at 79 columns, get_categories_list()).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { curlHelp, terminalColumns } from '../../../src/tools/net-clients/curl-help.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { hostOf, runTool, type ToolRun } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const curl = commands['curl'] ?? (() => Promise.resolve(127));

/** Debian curl 7.88.1: `curl --help`. */
const VM_HELP = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

/** Debian curl 7.88.1: `curl --help category`. */
const VM_CATEGORIES = `Usage: curl [options...] <url>
 auth        Different types of authentication methods
 connection  Low level networking operations
 curl        The command line tool itself
 dns         General DNS options
 file        FILE protocol options
 ftp         FTP protocol options
 http        HTTP and HTTPS protocol options
 imap        IMAP protocol options
 misc        Options that don't fit into any other category
 output      Filesystem output
 pop3        POP3 protocol options
 post        HTTP Post specific options
 proxy       All options related to proxies
 scp         SCP protocol options
 sftp        SFTP protocol options
 smtp        SMTP protocol options
 ssh         SSH protocol options
 telnet      TELNET protocol options
 tftp        TFTP protocol options
 tls         All TLS/SSL related options
 upload      All options for uploads
 verbose     Options related to any kind of command line output of curl
`;

/** Debian curl 7.88.1: `curl --help dns`. */
const VM_DNS = `Usage: curl [options...] <url>
dns: General DNS options
     --dns-interface <interface> Interface to use for DNS requests
     --dns-ipv4-addr <address> IPv4 address to use for DNS requests
     --dns-ipv6-addr <address> IPv6 address to use for DNS requests
     --dns-servers <addresses> DNS server addrs to use
     --doh-cert-status    Verify the status of the DoH server cert via OCSP-staple
     --doh-insecure       Allow insecure DoH server connections
     --doh-url <URL>      Resolve host names over DoH
 -4, --ipv4               Resolve names to IPv4 addresses
 -6, --ipv6               Resolve names to IPv6 addresses
     --resolve <[+]host:port:addr[,addr]...> Resolve the host+port to this address
`;

/** curl-8_14_1 src/tool_help.c tool_help(NULL) over src/tool_listhelp.c's CURLHELP_IMPORTANT rows, 79 columns. */
const POD_HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <subject>        Get help for commands
 -o, --output <file>         Write to file instead of stdout
 -O, --remote-name           Write output to file named as remote file
 -i, --show-headers          Show response headers in output
 -s, --silent                Silent mode
 -T, --upload-file <file>    Transfer local FILE to destination
 -u, --user <user:password>  Server user and password
 -A, --user-agent <name>     Send User-Agent <name> to server
 -v, --verbose               Make the operation more talkative
 -V, --version               Show version number and quit

This is not the full help; this menu is split into categories.
Use "--help category" to get an overview of all categories, which are:
auth, connection, curl, deprecated, dns, file, ftp, global, http, imap, ldap, 
output, pop3, post, proxy, scp, sftp, smtp, ssh, telnet, tftp, timeout, tls, 
upload, verbose.
Use "--help all" to list all options
Use "--help [option]" to view documentation for a given option
`;

const NO_MANUAL = 'curl: the built-in manual is not emulated by ciliumlab\n';

describe('curl --help, --version and --manual per release', () => {
  let lab: Lab;
  const vm = (...argv: string[]): Promise<ToolRun> => runTool(lab, curl, hostOf(lab, 'k8s-ctr'), ['curl', ...argv]);
  const pod = (...argv: string[]): Promise<ToolRun> => runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', ...argv]);
  beforeAll(() => {
    lab = week4();
  });

  it('curl --help and -h on the VM: the short help of 8.5.0 (Debian 7.88.1 prints the same), exit 0', async () => {
    expect(await vm('--help')).toEqual({ stdout: VM_HELP, stderr: '', exitCode: 0 });
    expect(await vm('-h')).toEqual({ stdout: VM_HELP, stderr: '', exitCode: 0 });
  });

  it('curl --help in the pod: 8.14.1 lists the categories beneath and differs from the VM', async () => {
    expect(await pod('--help')).toEqual({ stdout: POD_HELP, stderr: '', exitCode: 0 });
    expect(await pod('-sh')).toEqual({ stdout: POD_HELP, stderr: '', exitCode: 0 });
    expect((await pod('--help', '')).stdout).toBe(POD_HELP);
  });

  it('--help category and --help dns on the VM: Debian 7.88.1 byte for byte', async () => {
    expect((await vm('--help', 'category')).stdout).toBe(VM_CATEGORIES);
    expect((await vm('-h', 'dns')).stdout).toBe(VM_DNS);
  });

  it('--help category in the pod: 8.14.1 categories[] (src/tool_help.c) without a Usage line', async () => {
    const r = await pod('--help', 'category');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([' auth        Authentication methods', ' connection  Manage connections', ' curl        The command line tool itself', ' deprecated  Legacy']);
    expect(r.stdout.split('\n')).toHaveLength(26);
  });

  it('--help http in the pod: the category line, then rows sized to 79 columns (a long option pushes its text)', async () => {
    const lines = (await pod('--help', 'HTTP')).stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['http: HTTP and HTTPS protocol', '     --alt-svc <filename>          Enable alt-svc with this cache file', '     --anyauth                     Pick any authentication method', '     --aws-sigv4 <provider1[:prvdr2[:reg[:srv]]]>  AWS V4 signature auth']);
    expect(lines.every((l) => l.length <= 79 || l.includes('--aws-sigv4'))).toBe(true);
  });

  it('--help bogus: "Invalid category" with Usage on 8.5.0 (Debian 7.88.1), "Unknown category" on 8.14.1; exit 0', async () => {
    const v = await vm('--help', 'bogus');
    expect(v.stdout).toBe(`Usage: curl [options...] <url>\nInvalid category provided, here is a list of all categories:\n\n${VM_CATEGORIES.slice('Usage: curl [options...] <url>\n'.length)}`);
    const p = await pod('--help', 'bogus');
    expect(p.stdout.startsWith('Unknown category provided, here is a list of all categories:\n\n auth        Authentication methods\n')).toBe(true);
    expect([v.exitCode, p.exitCode]).toEqual([0, 0]);
  });

  it('--help all: every option, 8.5.0 under a Usage line, 8.14.1 without', async () => {
    const v = (await vm('--help', 'all')).stdout.split('\n');
    const p = (await pod('--help', 'all')).stdout.split('\n');
    expect(v[0]).toBe('Usage: curl [options...] <url>');
    expect(v[1]).toBe('     --abstract-unix-socket <path> Connect via abstract Unix domain socket');
    expect(p[0]).toBe('     --abstract-unix-socket <path>  Connect via abstract Unix domain socket');
    expect([v.length - 2, p.length - 1]).toEqual([258, 269]);
  });

  it('8.14.1 --help -x would show the manual: not emulated (exit 1); an unknown option gets curl\'s own line (exit 0)', async () => {
    expect(await pod('--help', '--verbose')).toEqual({ stdout: '', stderr: NO_MANUAL, exitCode: 1 });
    expect(await pod('-h', '-v')).toEqual({ stdout: '', stderr: NO_MANUAL, exitCode: 1 });
    expect(await pod('--help', '--no-buffer')).toEqual({ stdout: '', stderr: NO_MANUAL, exitCode: 1 });
    expect(await pod('--help', '--bogus')).toEqual({ stdout: '', stderr: 'Incorrect option name to show help for, see curl -h\n', exitCode: 0 });
    expect((await pod('--help', '--no-output')).stderr).toBe('Incorrect option name to show help for, see curl -h\n');
  });

  it('curl --manual / -M: one not-emulated line on both releases, exit 1', async () => {
    expect(await vm('--manual')).toEqual({ stdout: '', stderr: NO_MANUAL, exitCode: 1 });
    expect(await pod('-M')).toEqual({ stdout: '', stderr: NO_MANUAL, exitCode: 1 });
  });

  it('curl --version / -V: the build of each distribution (tool_version_info())', async () => {
    const v = await vm('--version');
    expect(v.stdout.split('\n')).toEqual([
      'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7',
      'Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6',
      'Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp',
      'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd',
      '',
    ]);
    expect(v.exitCode).toBe(0);
    const p = await pod('-V');
    expect(p.stdout.split('\n').slice(1)).toEqual([
      'Release-Date: 2025-06-04',
      'Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss',
      'Features: alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets zstd',
      '',
    ]);
    expect(p.stdout).toMatch(/^curl 8\.14\.1 \(x86_64-alpine-linux-musl\) libcurl\/8\.14\.1 OpenSSL\/3\.\S+ zlib\/1\.3\.1 /);
  });

  it('the parse stops at -V/--help; an error before them wins; --no-help is a no-op on 8.5.0 and refused on 8.14.1', async () => {
    expect((await vm('-sV', '--bogus')).exitCode).toBe(0);
    expect((await vm('--bogus', '--version')).stderr).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await vm('--no-help')).stderr).toBe("curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await pod('--no-help')).stderr).toBe("curl: option --no-help: the given option cannot be reversed with a --no- prefix\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await pod('-hhttp')).stderr).toBe("curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await vm('--no-version', '--no-manual')).exitCode).toBe(2);
  });

  it('8.14.1 sizes its help to COLUMNS (above 20), else 79', () => {
    expect([terminalColumns(new Map([['COLUMNS', '120']])), terminalColumns(new Map([['COLUMNS', '20']])), terminalColumns(new Map())]).toEqual([120, 79, 79]);
    const wide = curlHelp('8.14.1', undefined, 200).out;
    expect(wide).toContain('auth, connection, curl, deprecated, dns, file, ftp, global, http, imap, ldap, output, pop3, post, proxy, scp, sftp, smtp, ssh, telnet, tftp, timeout, tls, upload, verbose.\n');
    expect(curlHelp('8.5.0', undefined, 200).out).toBe(VM_HELP);
  });
});
