// The browser lab end to end in headless Chromium: the seed's walkthrough typed into the page's terminals
// — workloads, the cross-subnet ping dropped at the router in native mode, helm upgrade to VXLAN and the
// agents' rollout, the ping answered through the tunnel, tcpdump on the router in a second terminal, the
// reachability matrix turning from red to green, the pcap downloads — once served by `ciliumlab web` and
// once from file:// with no server; then a broken lab file, keyboard use and an axe-core check.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM_REASON } from './support/chromium.js';
import { LabPage } from './support/lab-page.js';
import { buildWebApp, startWebCommand } from './support/web-build.js';

const CTR = 'k8s-ctr';
const HELM_TUNNEL = ['helm upgrade cilium cilium/cilium --namespace kube-system --version 1.18.0 --reuse-values \\', '--set routingMode=tunnel --set tunnelProtocol=vxlan \\', '--set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false'];
const PING = 'kubectl exec -it curl-pod -- ping -c 2 -w 1 -W 1 $WEBPOD';

const matrixStatus = (page: Page) => page.locator('.matrix-status').innerText();

/** Waits for a probe of the matrix that ends after `before` was shown; returns its status line. */
async function probed(page: Page, before: string): Promise<string> {
  await page.waitForFunction((prev) => /^Probed/.test(document.querySelector('.matrix-status')?.textContent ?? '') && document.querySelector('.matrix-status')?.textContent !== prev, before, { timeout: 60_000 });
  return matrixStatus(page);
}

/** Probes the matrix and returns each cell's label ("curl-pod to webpod-…: unreachable"). */
async function probe(lab: LabPage): Promise<string[]> {
  const before = await matrixStatus(lab.page);
  await lab.page.click('#probe');
  await probed(lab.page, before);
  return lab.page.locator('#reachability .cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
}

/** A download's file; with the real tcpdump on the machine, what `tcpdump -nn -r` prints of it too. */
async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Uint8Array; printed: string | undefined }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  const tcpdump = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump'].find((p) => existsSync(p));
  return { bytes: new Uint8Array(readFileSync(path)), printed: tcpdump ? execFileSync(tcpdump, ['-nn', '-r', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) : undefined };
}

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

async function walkthrough(lab: LabPage, url: string): Promise<void> {
  const readyMs = await lab.open(url);
  expect(readyMs).toBeGreaterThan(0);
  await lab.page.selectOption('#speed', '4');
  await lab.screenshot('01-ready');

  await lab.page.click('#seed-workloads');
  await lab.waitForText(CTR, /pod\/curl-pod condition met[\s\S]*root@k8s-ctr:~#\s*$/);
  // Tab completes the pod's name; Up brings the line back.
  await lab.terminal(CTR).click();
  await lab.page.keyboard.type('kubectl exec cu');
  await lab.page.keyboard.press('Tab');
  await lab.page.keyboard.type('-- hostname');
  await lab.page.keyboard.press('Enter');
  await lab.waitForText(CTR, /kubectl exec curl-pod -- hostnamecurl-pod/);
  await lab.page.keyboard.press('ArrowUp');
  await lab.page.keyboard.press('Enter');
  await lab.waitForText(CTR, /kubectl exec curl-pod -- hostnamecurl-pod[\s\S]*kubectl exec curl-pod -- hostnamecurl-pod/);
  // sed and awk come from just-bash's interpreter, loaded by the page with the first of them.
  await lab.type(CTR, "kubectl get pod curl-pod -o name | sed 's|pod/|found |' | awk '{print $2, $1}'");
  await lab.waitForText(CTR, /curl-pod found/);
  await lab.type(CTR, "export WEBPOD=$(kubectl get pod -l app=webpod --field-selector spec.nodeName=k8s-w0 -o jsonpath='{.items[0].status.podIP}')");
  await lab.type(CTR, PING);
  await lab.waitForText(CTR, /1 packets transmitted, 0 received, 100% packet loss/);
  const dropped = await lab.choosePacket(/dropped at router eth0: NAT_UPLINK_NO_INTERNET/);
  expect(dropped).toMatch(/ICMP echo request/);
  expect(await lab.hops()).toMatch(/curl-pod eth0 out[\s\S]*router eth1 in[\s\S]*router eth0 out[\s\S]*✗ router eth0/);
  await lab.page.locator('#hops button', { hasText: 'router eth0 out' }).click();
  await expect.poll(() => lab.page.locator('#inspector').innerText()).toMatch(/ip_forward[\s\S]*route default via 10\.0\.2\.2 dev eth0/);
  await lab.screenshot('02-native-dropped-at-router');
  const native = await probe(lab);
  expect(native.filter((c) => c.endsWith('unreachable')).length).toBeGreaterThan(0);
  await lab.screenshot('03-native-reachability');

  for (const line of HELM_TUNNEL) await lab.type(CTR, line);
  await lab.waitForText(CTR, /STATUS: deployed/);
  await lab.type(CTR, 'kubectl rollout restart -n kube-system ds/cilium');
  await lab.type(CTR, 'kubectl rollout status -n kube-system ds/cilium');
  await lab.waitForText(CTR, /daemon set "cilium" successfully rolled out/, 120_000);

  // The seed's second terminal: tcpdump on the router while k8s-ctr pings.
  await lab.page.selectOption('#new-terminal-target', 'vm:router');
  await lab.page.click('#open-terminal');
  await lab.waitForText('router', /root@router:~#\s*$/);
  await lab.type('router', 'tcpdump -i any udp port 8472 -nn -c 2');
  await lab.waitForText('router', /listening on any/);
  await lab.type(CTR, PING);
  await lab.waitForText(CTR, /1 packets transmitted, 1 received, 0% packet loss/);
  await lab.waitForText('router', /eth1\s+In\s+IP 192\.168\.10\.100\.\d+ > 192\.168\.20\.100\.8472: OTV, flags \[I\] \(0x08\), overlay 0, instance \d+[\s\S]*2 packets captured/);
  // Ctrl-C stops a ping that runs until interrupted.
  await lab.type(CTR, 'kubectl exec -it curl-pod -- ping $WEBPOD');
  await lab.waitForText(CTR, /icmp_seq=3 ttl=63/);
  await lab.page.keyboard.press('Control+C');
  await lab.waitForText(CTR, /\^C[\s\S]*--- 172\.20\.1\.\d+ ping statistics ---\d+ packets transmitted, \d+ received, [\s\S]*root@k8s-ctr:~#\s*$/);
  const delivered = await lab.choosePacket(/delivered to webpod-.* on k8s-w0 eth0, ttl 63/);
  expect(delivered).toMatch(/ICMP echo request/);
  expect(await lab.hops()).toMatch(/k8s-ctr cilium_vxlan out[\s\S]*router eth1 in[\s\S]*router eth2 out[\s\S]*k8s-w0 cilium_vxlan in/);
  await lab.page.locator('#hops button', { hasText: 'router eth2 out' }).click();
  const inspector = await lab.page.locator('#inspector').innerText();
  expect(inspector).toMatch(/vxlan VXLAN vni \d+[\s\S]*inner ethernet[\s\S]*inner ipv4 IP 172\.20\.0\.\d+ > 172\.20\.1\.\d+/);
  expect(await lab.page.locator('#topology-outline').innerText()).toMatch(/tunnel k8s-ctr\/cilium_vxlan to k8s-w0\/cilium_vxlan: VXLAN 8472\/udp/);
  await lab.screenshot('04-tunnel-delivered');
  const tunnel = await probe(lab);
  expect(tunnel.length).toBe(native.length);
  expect(tunnel.filter((c) => c.endsWith('unreachable'))).toEqual([]);
  await lab.screenshot('05-tunnel-reachability');

  // Replay the native ping: its packet dies at the router again; Back and Step move the playhead.
  const mark = await lab.page.locator('#replay option').evaluateAll((os) => os.findIndex((o) => o.textContent?.includes('ping -c 2 -w 1 -W 1')));
  await lab.page.selectOption('#replay', { index: mark });
  await lab.choosePacket(/dropped at router eth0: NAT_UPLINK_NO_INTERNET/);
  await lab.page.click('#back');
  const back = await lab.page.locator('.play-clock').innerText();
  await lab.page.click('#step');
  expect(await lab.page.locator('.play-clock').innerText()).not.toBe(back);
  expect(await lab.page.locator('#play').innerText()).toBe('Play');
  const capture = await download(lab.page, () => lab.page.locator('#captures button').first().click());
  expect([u32(capture.bytes, 0), u32(capture.bytes, 20)]).toEqual([0xa1b2c3d4, 276]);
  // (tcpdump names the SLL2 records' interfaces after this machine's ifindexes, so the name is not checked.)
  if (capture.printed !== undefined) expect(capture.printed).toMatch(/ {2}In {2}IP 192\.168\.10\.100\.\d+ > 192\.168\.20\.100\.8472: OTV/);
  const timeline = await download(lab.page, () => lab.page.click('#download-timeline'));
  expect([u32(timeline.bytes, 0), u32(timeline.bytes, 20)]).toEqual([0xa1b2c3d4, 1]);
  if (timeline.printed !== undefined) expect(timeline.printed).toMatch(/IP 192\.168\.10\.100\.\d+ > 192\.168\.20\.100\.8472: OTV, flags \[I\] \(0x08\), overlay 0, instance \d+\nIP 172\.20\.0\.\d+ > 172\.20\.1\.\d+: ICMP echo request/);
}

describe.skipIf(!HAS_CHROMIUM)(`the browser lab in headless Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`, () => {
  let dir: string;
  let context: BrowserContext;
  let server: ChildProcess;
  let httpUrl: string;

  beforeAll(async () => {
    dir = await buildWebApp();
    context = await launchChromium();
    ({ child: server, url: httpUrl } = await startWebCommand());
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGINT');
  });

  test('served by ciliumlab web: the seed walkthrough, native drop at the router, VXLAN through the tunnel', async () => {
    expect(httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = new LabPage(page, 'http');
    await walkthrough(lab, `${httpUrl}?clock=20`).catch(async (e: unknown) => {
      await lab.screenshot('failed');
      throw e;
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  test('from file:// with no server: the same walkthrough', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = new LabPage(page, 'file');
    await walkthrough(lab, `${pathToFileURL(`${dir}/index.html`).href}?clock=20`).catch(async (e: unknown) => {
      await lab.screenshot('failed');
      throw e;
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  test('what-if: routes on the router turn native mode green; Geneve through helm keeps it green', async () => {
    const page = await context.newPage();
    const lab = new LabPage(page, 'what-if');
    await lab.open(`${httpUrl}?clock=20`);
    await page.click('#seed-workloads');
    await lab.waitForText(CTR, /pod\/curl-pod condition met[\s\S]*root@k8s-ctr:~#\s*$/);
    expect((await probe(lab)).filter((c) => c.endsWith('unreachable')).length).toBeGreaterThan(0);
    const red = await matrixStatus(page);
    await page.click('#add-pod-routes');
    await lab.waitForText('router', /ip route add 172\.20\.1\.0\/24 via 192\.168\.20\.100/);
    const routed = await probed(page, red);
    expect(routed).toMatch(/everything answers/);
    await lab.screenshot('06-what-if-router-routes');
    await page.click('#mode-geneve');
    await expect.poll(() => page.locator('#datapath-preview').innerText()).toMatch(/--set routingMode=tunnel --set tunnelProtocol=geneve --set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false\nkubectl rollout restart -n kube-system ds\/cilium/);
    await page.click('#apply-datapath');
    await lab.waitForText(CTR, /daemon set "cilium" successfully rolled out/, 120_000);
    expect(await probed(page, routed)).toMatch(/everything answers/);
    await expect.poll(() => page.locator('#topology-outline').innerText()).toMatch(/tunnel k8s-ctr\/cilium_geneve to k8s-w0\/cilium_geneve: GENEVE 6081\/udp/);
    expect(await page.locator('#mode-geneve').isChecked()).toBe(true);
    await lab.screenshot('07-what-if-geneve');
    await page.close();
  }, 300_000);

  test("the topology: a quick first picture, then ELK's layout; without ELK the quick one stays, and says so", async () => {
    const page = await context.newPage();
    const lab = new LabPage(page, 'layout');
    expect(await lab.open(httpUrl)).toBeGreaterThan(0);
    await page.waitForFunction(() => performance.getEntriesByName('ciliumlab:elk-layout').length > 0, null, { timeout: 60_000 });
    await page.close();
    const noElk = await context.newPage();
    await noElk.route(/\/assets\/elk(-worker)?\.js$/, (route) => route.abort());
    const broken = new LabPage(noElk, 'no-elk');
    expect(await broken.open(httpUrl)).toBeGreaterThan(0);
    await expect.poll(() => noElk.locator('.topology-status').innerText(), { timeout: 30_000 }).toMatch(/^ELK could not lay out the topology \(.+\): a simpler layout is shown\.$/);
    expect(await noElk.locator('#topology-outline').innerText()).toMatch(/router/);
    await broken.screenshot('09-no-elk');
    await noElk.close();
  }, 120_000);

  test('a lab file: errors are listed as file:line:col, a good one is built after the reload', async () => {
    const page = await context.newPage();
    const lab = new LabPage(page, 'labfile');
    await lab.open(`${httpUrl}`);
    await page.click('#load-lab');
    await page.fill('#lab-name', 'mine.yaml');
    const good = await page.inputValue('#lab-text');
    await page.fill('#lab-text', 'name: mine\nhosts:\n  - name: a\n    role: nodee\n');
    await page.click('#build-lab');
    await expect.poll(() => page.locator('#lab-errors').innerText()).toMatch(/^mine\.yaml:\d+:\d+: /m);
    await lab.screenshot('08-lab-file-errors');
    await page.fill('#lab-text', good.replace(/^name: .*$/m, 'name: my-own-lab'));
    await Promise.all([page.waitForEvent('load'), page.click('#build-lab')]);
    await page.waitForFunction(() => document.body.dataset['readyMs'] !== undefined, null, { timeout: 60_000 });
    expect(await page.locator('.lab-name').innerText()).toMatch(/^my-own-lab \(mine\.yaml\), seed \d+$/);
    await page.close();
  }, 120_000);

  test('keyboard: every control is reached with Tab, Escape leaves a terminal; axe finds nothing serious', async () => {
    const page = await context.newPage();
    const lab = new LabPage(page, 'a11y');
    await lab.open(httpUrl);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || document.activeElement?.tagName || '');
    for (let i = 0; i < 40 && ![...reached].some((r) => r.startsWith('Terminal on')); i++) {
      await page.keyboard.press('Tab');
      reached.add(await focused());
    }
    await page.keyboard.press('Escape');
    reached.add(await focused());
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      reached.add(await focused());
    }
    for (const id of ['seed-workloads', 'load-lab', 'play', 'step', 'speed', 'new-terminal-target', 'open-terminal', 'mode-native', 'apply-datapath', 'probe']) expect([...reached]).toContain(id);
    expect([...reached].some((r) => r.startsWith('Terminal on k8s-ctr'))).toBe(true);
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 120_000);
});
