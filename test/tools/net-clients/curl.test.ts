// curl in the week-4 lab against the seed (`kubectl exec -it curl-pod -- curl webpod | grep Hostname`, the
// `curl -s --connect-timeout 1 webpod` loop, exit 130 on Ctrl-C) and the real curl 8.14.1 / 8.5.0
// transcripts in test/fixtures/curl/. Normalised: addresses and ports drawn at random, the Date and
// Content-Length of a different whoami, the "[N bytes data]" size that follows from that length.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/addr/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, webpodOn, week4 } from '../../support/week4.js';

const curl = commands['curl'] ?? (() => Promise.resolve(127));

function fixtureBlock(release: string, title: string): { stderr: string; rc: number } {
  const text = readFileSync(new URL(`../../fixtures/curl/curl-${release}.txt`, import.meta.url), 'utf8');
  const block = text.split('### ').find((b) => b.startsWith(title));
  if (!block) throw new Error(`no fixture ${title}`);
  const lines = block.split('\n').slice(1);
  const rc = lines.findIndex((l) => l.startsWith('rc='));
  // The transcript is stderr then stdout; trace lines start with "* ", "> ", "< ", "{ " or "curl: ".
  const trace = lines.slice(0, rc).filter((l) => /^(\* |> |< |\{ |curl: |\*   )/.test(l));
  return { stderr: `${trace.join('\n')}\n`.replaceAll('\\r', '\r'), rc: Number(lines[rc]?.slice(3)) };
}

function normalise(text: string, ip: string, release: string): string {
  return text
    .replaceAll(ip, '<ip>')
    .replaceAll('10.77.0.2', '<ip>')
    .replace(/curl\/(VERSION|[\d.]+)/, `curl/${release}`)
    .replace(/Date: .*\r/, 'Date: <date>\r')
    .replace(/Content-Length: \d+/, 'Content-Length: <n>')
    .replace(/\[\d+ bytes data\]/, '[<n> bytes data]');
}

describe('curl in native routing mode', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4();
  });

  it('the seed: kubectl exec -it curl-pod -- curl webpod | grep Hostname (a tty: the body only, no meter)', async () => {
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', 'webpod'], { isTty: true });
    if (r.exitCode === 0) {
      expect(r.stdout.split('\n').filter((l) => l.includes('Hostname'))).toEqual([expect.stringMatching(/^Hostname: webpod-[a-z0-9]+-[a-z0-9]{5}$/)]);
      expect(r.stderr).toBe('');
    } else expect(r.exitCode).toBe(7);
  });

  it('the seed loop: curl -s --connect-timeout 1 webpod prints nothing when it times out (k8s-w0), else the page', async () => {
    const runs = [];
    for (let i = 0; i < 12; i++) runs.push(await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', '--connect-timeout', '1', 'webpod'], { isTty: true }));
    const failed = runs.filter((r) => r.exitCode !== 0);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.exitCode === 28 && r.stdout === '' && r.stderr === '')).toBe(true);
    expect(runs.filter((r) => r.exitCode === 0).every((r) => /^Hostname: webpod-/.test(r.stdout))).toBe(true);
  });

  it('-sS --connect-timeout 1 to the k8s-w0 pod: 8.14.1 "Connection timed out after 1001 milliseconds" (fixture)', async () => {
    const ip = formatIpv4(webpodOn(lab, 'k8s-w0'));
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sS', '--connect-timeout', '1', `http://${ip}/`]);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 1001 milliseconds\n');
    expect(r.exitCode).toBe(28);
  });

  it('Ctrl-C while curl hangs connecting: exit 130, nothing printed (the seed: "command terminated with exit code 130")', async () => {
    const ip = formatIpv4(webpodOn(lab, 'k8s-w0'));
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', `http://${ip}/`], { isTty: true, interruptAfterUs: 5_000_000 });
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  });
});

describe('curl in tunnel mode', () => {
  let lab: Lab;
  let ip: string;
  beforeAll(() => {
    lab = week4();
    switchToVxlan(lab);
    ip = formatIpv4(webpodOn(lab, 'k8s-w0'));
  });

  it('every webpod answers the seed loop, and -v shows the ClusterIP as the connected address (socket LB)', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', '--connect-timeout', '1', 'webpod'], { isTty: true });
      expect(r.exitCode).toBe(0);
      names.add(/^Hostname: (.*)$/m.exec(r.stdout)?.[1] ?? '');
    }
    expect(names.size).toBe(3);
    const svc = lab.k8s.api.get('Service', 'default', 'webpod').spec.clusterIP ?? '';
    const v = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sv', 'webpod']);
    expect(v.stderr).toContain(`* IPv4: ${svc}\n*   Trying ${svc}:80...\n* Connected to webpod (${svc}) port 80\n`);
  });

  for (const [release, host] of [['8.14.1', 'curl-pod'], ['8.5.0', 'k8s-ctr']] as const) {
    it(`curl -sv http://webpod/ with webpod in /etc/hosts: the ${release} fixture's trace line for line`, async () => {
      const r = await runTool(lab, curl, hostOf(lab, host, { '/etc/hosts': `127.0.0.1 localhost\n${ip} webpod\n` }), ['curl', '-sv', 'http://webpod/']);
      const f = fixtureBlock(release, 'curl -sv http://webpod/ (webpod in /etc/hosts)');
      expect(normalise(r.stderr, ip, release)).toBe(normalise(f.stderr, ip, release));
      expect(r.stdout).toMatch(/^Hostname: webpod-/);
      expect(r.exitCode).toBe(f.rc);
    });
  }

  it('curl -sI: the response head on stdout with CRLF (fixture layout)', async () => {
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sI', `http://${ip}/`]);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .* GMT\r\nContent-Length: \d+\r\nContent-Type: text\/plain; charset=utf-8\r\n\r\n$/);
  });

  it('the progress meter goes to stderr when stdout is a pipe: two header lines, "\\r" lines, a final line and newline', async () => {
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', `http://${ip}/`]);
    const size = r.stdout.length;
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current');
    expect(lines[1]).toBe('                                 Dload  Upload   Total   Spent    Left  Speed');
    const updates = (lines[2] ?? '').split('\r').slice(1);
    expect(updates[0]).toBe('  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    expect(updates.at(-1)).toMatch(new RegExp(`^100   ${size}  100   ${size}    0     0 {1,5}\\d+k?      0 --:--:-- --:--:-- --:--:-- {1,5}\\d+k?$`));
    expect(lines[3]).toBe('');
  });

  it('-w and -o: the page goes to the file, the write-out to stdout', async () => {
    const h = hostOf(lab, 'curl-pod');
    const r = await runTool(lab, curl, h, ['curl', '-s', '-o', '/tmp/page', '-w', '%{http_code} %{remote_ip}:%{remote_port} %{size_download}\\n', `http://${ip}/`]);
    const page = h.readFile('/tmp/page') ?? '';
    expect(page).toMatch(/^Hostname: webpod-/);
    expect(r.stdout).toBe(`200 ${ip}:80 ${page.length}\n`);
  });

  it('refused: 8.14.1 "Could not connect to server", 8.5.0 "Couldn\'t connect to server" (fixtures), exit 7', async () => {
    const a = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sS', `http://${ip}:9/`]);
    expect(a.stderr).toBe(`curl: (7) Failed to connect to ${ip} port 9 after ${String(a.stderr.match(/after (\d+) ms/)?.[1])} ms: Could not connect to server\n`);
    const b = await runTool(lab, curl, hostOf(lab, 'k8s-ctr'), ['curl', '-sS', `http://${ip}:9/`]);
    expect(b.stderr).toMatch(new RegExp(`^curl: \\(7\\) Failed to connect to ${ip.replaceAll('.', '\\.')} port 9 after \\d+ ms: Couldn't connect to server\\n$`));
    expect([a.exitCode, b.exitCode]).toEqual([7, 7]);
  });

  it('an unknown name: curl: (6) Could not resolve host (fixture); with the meter, on the same line as its first update', async () => {
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sS', 'http://nosuch.invalid/']);
    expect(r.stderr).toBe('curl: (6) Could not resolve host: nosuch.invalid\n');
    expect(r.exitCode).toBe(6);
  });

  it('https:// says TLS is not modelled instead of sending plain HTTP where the real curl handshakes', async () => {
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sk', 'https://kubernetes.default/version']);
    expect(r).toEqual({ stdout: '', stderr: "ciliumlab: curl over TLS (https://kubernetes.default/version) is not modelled; the lab's HTTP servers answer on http://\n", exitCode: 1 });
  });

  it('command-line errors: helpf() lines and exit 2', async () => {
    const h = hostOf(lab, 'curl-pod');
    expect(await runTool(lab, curl, h, ['curl', '--bogus', 'webpod'])).toEqual({ stdout: '', stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect((await runTool(lab, curl, h, ['curl', '-s'])).stderr).toBe("curl: (2) no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await runTool(lab, curl, h, ['curl', '--connect-timeout', 'x', 'webpod'])).stderr).toBe("curl: option --connect-timeout: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });
});
