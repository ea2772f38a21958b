// curl -d / -X: the request lines `curl -v` prints, against the real curl installed here sending the same
// options to a local TCP server (its head is the same in 7.88 and 8.x: custom headers, then Content-Length
// and the form Content-Type; several -d joined with '&'); and whoami echoing the method and the body.
// Normalised: the Host line (address and port) and the User-Agent version.

import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/addr/index.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { webpodOn, week4 } from '../../support/week4.js';

const curl = commands['curl'] ?? (() => Promise.resolve(127));
const ARGS = ['-sv', '-X', 'PUT', '-d', 'a=1', '-d', 'b=2', '-H', 'X-Test: y'];
const requestLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('> ') && l.trim() !== '>').map((l) => l.replace(/^> Host: .*/, '> Host: <host>').replace(/curl\/[\d.]+/, 'curl/<v>').trimEnd());

function realCurl(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer((c) => c.on('data', () => c.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')));
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      execFile('curl', [...args, `http://127.0.0.1:${port}/p`], (err, _out, stderr) => {
        server.close();
        if (err) reject(err);
        else resolve(stderr);
      });
    });
  });
}

describe('curl -d and -X', () => {
  it('sends the head the real curl sends, and whoami echoes the method and the body', async () => {
    const lab = week4();
    const ip = formatIpv4(webpodOn(lab, 'k8s-w1'));
    const emu = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', ...ARGS, `http://${ip}/p`]);
    expect(emu.exitCode).toBe(0);
    expect(requestLines(emu.stderr)).toEqual(requestLines(await realCurl(ARGS)));
    expect(emu.stderr).toContain('* upload completely sent off: 7 bytes\n');
    expect(emu.stdout).toMatch(/\nPUT \/p HTTP\/1\.1\r\n[\s\S]*Content-Length: 7\r\n[\s\S]*\r\n\r\na=1&b=2$/);
  });

  it('-d alone makes a POST; -I still a HEAD', async () => {
    const lab = week4();
    const ip = formatIpv4(webpodOn(lab, 'k8s-w1'));
    const post = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', '-d', 'x', `http://${ip}/`]);
    expect(post.stdout).toContain('POST / HTTP/1.1');
    const head = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-sI', `http://${ip}/`]);
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});
