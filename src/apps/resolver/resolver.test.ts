// musl and glibc getaddrinfo() against the CoreDNS pod of dns-fixture: search lists and ndots, the
// NXDOMAIN/NODATA/timeout rules of each library, /etc/hosts first, and the gai_strerror texts.
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../addr/index.js';
import { dnsLab, POD_RESOLV_CONF } from '../dns/dns-fixture.test-helper.js';
import { GlibcResolver } from './glibc-resolver.js';
import { MuslResolver } from './musl-resolver.js';
import { parseResolvConf } from './resolv-conf.js';
import type { ResolveResult } from './resolve-result.js';

const HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n172.20.0.217\tcurl-pod\n';

function resolve(kind: 'musl' | 'glibc', name: string, resolvConf = POD_RESOLV_CONF): { r: ResolveResult | undefined; atMs: number; queries: string[] } {
  const { lab, client, server } = dnsLab();
  const queries: string[] = [];
  server.onQuery = (q) => queries.push(`${q.name} ${q.type}`);
  const R = kind === 'musl' ? MuslResolver : GlibcResolver;
  let r: ResolveResult | undefined;
  let atMs = -1;
  new R(client, { resolvConf, hosts: HOSTS }).lookup(name, (x) => {
    r = x;
    atMs = Math.round(lab.nowUs / 1000);
  });
  lab.run(30_000_000);
  return { r, atMs, queries };
}

const v4 = (r: ResolveResult | undefined): string[] => (r?.ok ? r.v4.map(formatIpv4) : []);

describe('resolv.conf', () => {
  it('reads the pod resolv.conf kubelet writes', () => {
    expect(parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')).toMatchObject({
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      ndots: 5,
      timeoutS: 5,
      attempts: 2,
    });
    expect(parseResolvConf('nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n', 'glibc')).toMatchObject({ isEdns0: true, isTrustAd: true, search: ['.'] });
  });
});

describe('musl getaddrinfo (netshoot)', () => {
  it('webpod: the first search domain answers; A and AAAA go out together', () => {
    const { r, queries } = resolve('musl', 'webpod');
    expect(v4(r)).toEqual(['10.96.234.235']);
    expect(r).toMatchObject({ ok: true, canonName: 'webpod.default.svc.cluster.local', source: 'dns' });
    expect(queries.sort()).toEqual(['webpod.default.svc.cluster.local. 1', 'webpod.default.svc.cluster.local. 28']);
  });

  it('webpod.default walks past NXDOMAIN to the next search domain', () => {
    const { r, queries } = resolve('musl', 'webpod.default');
    expect(v4(r)).toEqual(['10.96.234.235']);
    expect(queries.filter((q) => q.endsWith(' 1'))).toEqual(['webpod.default.default.svc.cluster.local. 1', 'webpod.default.svc.cluster.local. 1']);
  });

  it('an unknown name ends at the silent upstream: EAI_AGAIN "Try again" after 5 s', () => {
    const { r, atMs } = resolve('musl', 'nosuch');
    expect(r).toEqual({ ok: false, error: 'EAI_AGAIN', text: 'Try again' });
    expect(atMs).toBe(5000);
  });

  it('NODATA stops the search: EAI_NODATA', () => {
    const conf = 'search default.svc.cluster.local\nnameserver 10.0.2.1\noptions ndots:5\n';
    expect(resolve('musl', 'default.svc.cluster.local.', conf).r).toEqual({ ok: false, error: 'EAI_NODATA', text: 'Name has no usable address' });
  });

  it('/etc/hosts and numeric addresses never touch DNS', () => {
    const h = resolve('musl', 'curl-pod');
    expect(h.r).toMatchObject({ ok: true, source: 'hosts', v4: [172 * 2 ** 24 + 20 * 2 ** 16 + 217] });
    expect(h.queries).toEqual([]);
    expect(resolve('musl', 'localhost').r).toMatchObject({ ok: true, v6: ['::1'] });
    expect(resolve('musl', '10.96.0.10').r).toMatchObject({ ok: true, source: 'numeric' });
  });
});

describe('glibc getaddrinfo (Ubuntu)', () => {
  it('resolves through the search list and reports NXDOMAIN-only names as EAI_NONAME', () => {
    expect(v4(resolve('glibc', 'webpod').r)).toEqual(['10.96.234.235']);
    const conf = 'search default.svc.cluster.local\nnameserver 10.0.2.1\n';
    expect(resolve('glibc', 'nosuch.default.svc.cluster.local', conf).r).toEqual({ ok: false, error: 'EAI_NONAME', text: 'Name or service not known' });
  });

  it('a silent server: two 5 s tries, then "Temporary failure in name resolution"', () => {
    const { r, atMs } = resolve('glibc', 'example.com', 'nameserver 10.0.9.3\n');
    expect(r).toEqual({ ok: false, error: 'EAI_AGAIN', text: 'Temporary failure in name resolution' });
    expect(atMs).toBe(10000);
  });
});
