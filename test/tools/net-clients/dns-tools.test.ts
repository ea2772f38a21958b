// dig, nslookup, host and getent in curl-pod, asking CoreDNS through the kube-dns Service. Their text is
// checked against the real BIND tools where installed (bind9-dnsutils): the same answer is served to the
// real dig/nslookup/host from a local UDP responder, and both outputs are compared after normalising
// the version, ids, cookies, query time, date and the server address. Skipped with a reason when absent.
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../../src/addr/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { DNS_CLASS, DNS_TYPE, emitDns, parseDns } from '../../../src/wire/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, week4 } from '../../support/week4.js';

const tool = (name: string) => commands[name] ?? (() => Promise.resolve(127));
const hasRealTools = (() => {
  try {
    execFileSync('dig', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs a real BIND tool against a responder that answers `name` with `ip` as CoreDNS does (AA, TTL 30, OPT echoed). */
async function realRun(cmd: string, args: (port: number) => string[], name: string, ip: string): Promise<string> {
  const sock = createSocket('udp4');
  sock.on('message', (msg, rinfo) => {
    const q = parseDns(new Uint8Array(msg));
    if (!q.ok) return;
    const question = q.value.questions[0];
    if (!question) return;
    const isHit = question.name.toLowerCase() === `${name}.` && question.type === DNS_TYPE.A;
    const known = question.name.toLowerCase() === `${name}.`;
    const opt = q.value.additionals.filter((r) => r.type === DNS_TYPE.OPT).map((r) => ({ ...r, ttl: r.ttl & 0xff00 }));
    const soa = { name: 'cluster.local.', type: DNS_TYPE.SOA, class: DNS_CLASS.IN, ttl: 30, data: { kind: 'soa' as const, mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: 1754100000, refresh: 7200, retry: 1800, expire: 86400, minimum: 30 } };
    const reply = emitDns({ ...q.value, qr: true, aa: true, ra: false, ad: false, rcode: known ? 0 : 3, answers: isHit ? [{ name: `${name}.`, type: DNS_TYPE.A, class: DNS_CLASS.IN, ttl: 30, data: { kind: 'a', address: parseIpv4(ip) ?? (0 as never) } }] : [], authorities: isHit ? [] : [soa], additionals: opt });
    sock.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
  const port = sock.address().port;
  const out = await new Promise<string>((resolve) => {
    import('node:child_process').then(({ execFile }) => execFile(cmd, args(port), (_e, stdout) => resolve(stdout)));
  });
  sock.close();
  return out;
}

function normalise(text: string): string {
  return text
    .replace(/DiG [^ ]+ <<>> .*/, 'DiG <v> <<>> <args>')
    .replace(/id: \d+/, 'id: <id>')
    .replace(/COOKIE: [0-9a-f]+/, 'COOKIE: <cookie>')
    .replace(/Query time: \d+ msec/, 'Query time: <n> msec')
    .replace(/SERVER: .*/, 'SERVER: <server>')
    .replace(/WHEN: .*/, 'WHEN: <when>')
    .replace(/MSG SIZE {2}rcvd: \d+/, 'MSG SIZE  rcvd: <n>')
    .replace(/^(Server:\t\t|Address:\t)\S+/gm, '$1<server>')
    .replace(/; \(1 server found\)\n/, '');
}

describe('DNS tools in curl-pod', () => {
  let lab: Lab;
  let svc: string;
  const fqdn = 'webpod.default.svc.cluster.local';
  beforeAll(() => {
    lab = week4();
    switchToVxlan(lab);
    svc = lab.k8s.api.get('Service', 'default', 'webpod').spec.clusterIP ?? '';
  });

  it('dig FQDN: the ClusterIP from CoreDNS through 10.96.0.10, in dig 9.20 layout', async () => {
    const r = await runTool(lab, tool('dig'), hostOf(lab, 'curl-pod'), ['dig', fqdn]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`;; ANSWER SECTION:\n${fqdn}. 30 IN\tA\t${svc}\n\n`);
    expect(r.stdout).toMatch(/;; SERVER: 10\.96\.0\.10#53\(10\.96\.0\.10\) \(UDP\)\n;; WHEN: \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}\n;; MSG SIZE {2}rcvd: \d+\n\n$/);
    const s = await runTool(lab, tool('dig'), hostOf(lab, 'curl-pod'), ['dig', '+short', 'webpod', '+search']);
    expect(s.stdout).toBe(`${svc}\n`);
  });

  it.skipIf(!hasRealTools)('dig: the same answer prints as the real dig prints it (bind9-dnsutils)', async () => {
    const ours = await runTool(lab, tool('dig'), hostOf(lab, 'curl-pod'), ['dig', fqdn]);
    const real = await realRun('dig', (port) => ['@127.0.0.1', '-p', String(port), fqdn], fqdn, svc);
    expect(normalise(ours.stdout)).toBe(normalise(real));
  });

  it.skipIf(!hasRealTools)('nslookup webpod and an unknown name, against the real nslookup', async () => {
    const ours = await runTool(lab, tool('nslookup'), hostOf(lab, 'curl-pod'), ['nslookup', fqdn]);
    const real = await realRun('nslookup', (port) => [`-port=${port}`, fqdn, '127.0.0.1'], fqdn, svc);
    expect(normalise(ours.stdout)).toBe(normalise(real));
    const bad = await runTool(lab, tool('nslookup'), hostOf(lab, 'curl-pod'), ['nslookup', 'nosuch.default.svc.cluster.local']);
    const realBad = await realRun('nslookup', (port) => [`-port=${port}`, 'nosuch.default.svc.cluster.local', '127.0.0.1'], fqdn, svc);
    expect(normalise(bad.stdout)).toBe(normalise(realBad));
    expect(bad.exitCode).toBe(1);
  });

  it.skipIf(!hasRealTools)('host webpod FQDN, against the real host', async () => {
    const ours = await runTool(lab, tool('host'), hostOf(lab, 'curl-pod'), ['host', fqdn, '10.96.0.10']);
    const real = await realRun('host', (port) => ['-p', String(port), fqdn, '127.0.0.1'], fqdn, svc);
    expect(ours.stdout.replaceAll('10.96.0.10#53', '127.0.0.1#<port>').replaceAll('10.96.0.10', '127.0.0.1')).toBe(real.replace(/127\.0\.0\.1#\d+/, '127.0.0.1#<port>'));
    const plain = await runTool(lab, tool('host'), hostOf(lab, 'curl-pod'), ['host', 'webpod']);
    expect(plain.stdout).toBe(`${fqdn} has address ${svc}\n`);
  });

  it('nslookup webpod walks the search list (ndots:5) to webpod.default.svc.cluster.local', async () => {
    const r = await runTool(lab, tool('nslookup'), hostOf(lab, 'curl-pod'), ['nslookup', 'webpod']);
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\t${fqdn}\nAddress: ${svc}\n\n`);
  });

  it('getent hosts webpod: glibc\'s "%-15s %s" with the canonical name; exit 2 when unknown', async () => {
    const r = await runTool(lab, tool('getent'), hostOf(lab, 'curl-pod'), ['getent', 'hosts', 'webpod']);
    expect(r.stdout).toBe(`${svc.padEnd(15)} ${fqdn}\n`);
    expect((await runTool(lab, tool('getent'), hostOf(lab, 'curl-pod'), ['getent', 'hosts', 'nosuch.default.svc.cluster.local.'])).exitCode).toBe(2);
  });
});
