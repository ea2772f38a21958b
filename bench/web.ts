// Benchmarks of the browser lab (`npx tsx bench/web.ts`; needs Debian's chromium, builds dist-web/ when
// stale). Each figure on its own line as `name: value unit`:
// - web-bundle-*: dist-web/ gzipped (-6; the build's own .gz copies are not counted): the main script and page (emulator, shell, terminal, UI), the
//   scripts loaded beside it or on demand (Cytoscape, which the page runs before the main script; one copy of ELK: the worker over HTTP, the in-page build from
//   file://; just-bash's interpreter, with the first awk, sed or jq), what one page downloads before it is
//   ready (the main script and page with Cytoscape), what it downloads with all of them, and the whole
//   directory.
// - web-page-ready-*: ms from navigation to the prompt and the topology with the default lab, served by
//   the static server: the first load (a fresh browser: nothing cached or compiled), then the median of
//   five more (reloads revalidate the scripts and reuse V8's compiled code), each with the marks of one
//   load (the first; the last reload). The topology counts once its first picture is drawn; ELK's layout
//   replaces it later (the elk-layout mark). Those pages are playwright's, with a DevTools session attached
//   while they load; web-page-ready-first-plain is the median of five first visits in fresh browsers that
//   no debugger watches until the page is ready (web-plain-visit.ts), as a user's browser loads it.
// - web-fps-100-in-flight: frames per second while at least 100 packets move on the topology (100 pings
//   started at once from curl-pod, played at 0.25× so they stay in flight).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startStaticServer } from '../src/server/static-server.js';
import { HAS_CHROMIUM, launchChromium, NO_CHROMIUM_REASON } from '../test/web/support/chromium.js';
import { LabPage } from '../test/web/support/lab-page.js';
import { buildWebApp } from '../test/web/support/web-build.js';
import { plainFirstVisit, type PlainVisit } from './web-plain-visit.js';

/** Beside the main script: the topology's Cytoscape; on demand: ELK (a worker over HTTP, in the page from file://), just-bash's interpreter (the first awk, sed, jq, ...). */
const ON_DEMAND = ['cytoscape.js', 'elk-worker.js', 'just-bash.js'];
const BESIDE_MAIN = 'cytoscape.js';
const FILE_URL_ONLY = 'elk.js';

function bundleSizes(dir: string): { main: number; onDemand: number; ready: number; page: number; dir: number } {
  const files = ['index.html', ...readdirSync(join(dir, 'assets')).filter((f) => !f.endsWith('.gz')).map((f) => `assets/${f}`)];
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f)), { level: 6 }).length;
  const all = files.reduce((n, f) => n + gz(f), 0);
  const onDemand = ON_DEMAND.reduce((n, f) => n + gz(`assets/${f}`), 0);
  const main = all - onDemand - gz(`assets/${FILE_URL_ONLY}`);
  return { main, onDemand, ready: main + gz(`assets/${BESIDE_MAIN}`), page: main + onDemand, dir: all };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Counts animation frames for `ms` while the overlay draws at least `min` packets (page code as text: tsx would add helpers). */
async function fps(page: Page, min: number, ms: number): Promise<{ fps: number; inFlight: number }> {
  await page.waitForFunction((n) => (window as unknown as { ciliumlab: { packetsInFlight(): number } }).ciliumlab.packetsInFlight() >= n, min, { timeout: 120_000 });
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0, least = Infinity;
    const start = performance.now();
    function tick(now) {
      frames++;
      least = Math.min(least, window.ciliumlab.packetsInFlight());
      if (now - start < ${ms} && least >= ${min}) requestAnimationFrame(tick);
      else resolve({ fps: (frames * 1000) / (now - start), inFlight: least });
    }
    requestAnimationFrame(tick);
  })`);
}

/** Where the time to ready went: ms since navigation at each mark. */
async function marks(page: Page): Promise<string> {
  const m = (await page.evaluate("performance.getEntriesByType('mark').map((e) => [e.name.replace('ciliumlab:', ''), Math.round(e.startTime)])")) as Array<[string, number]>;
  return m.map(([n, t]) => `${n} ${t}`).join(', ');
}

if (!HAS_CHROMIUM) {
  console.log(`web: ${NO_CHROMIUM_REASON}`);
} else {
  const dir = await buildWebApp();
  const size = bundleSizes(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`web-bundle-main-gz: ${kb(size.main)}`);
  console.log(`web-bundle-on-demand-gz: ${kb(size.onDemand)}`);
  console.log(`web-bundle-ready-gz: ${kb(size.ready)}`);
  console.log(`web-bundle-page-gz: ${kb(size.page)}`);
  console.log(`web-bundle-dir-gz: ${kb(size.dir)}`);
  const { server, url } = await startStaticServer({ root: dir, host: '127.0.0.1', port: 0 });
  const context = await launchChromium();
  try {
    const ready: number[] = [];
    const breakdowns: string[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await context.newPage();
      ready.push(await new LabPage(page, 'bench').open(url));
      breakdowns.push(await marks(page));
      await page.close();
    }
    console.log(`web-page-ready-first: ${ready[0]} ms (${breakdowns[0]})`);
    console.log(`web-page-ready-median: ${median(ready.slice(1))} ms (last: ${breakdowns.at(-1)})`);
    const plain: PlainVisit[] = [];
    for (let i = 0; i < 5; i++) plain.push(await plainFirstVisit(url, 9333 + i));
    const mid = [...plain].sort((a, b) => a.readyMs - b.readyMs)[2];
    console.log(`web-page-ready-first-plain: ${mid?.readyMs ?? 0} ms (median of 5 fresh browsers; ${mid?.marks ?? ''})`);
    const page = await context.newPage();
    const lab = new LabPage(page, 'bench');
    await lab.open(`${url}?clock=20`);
    await page.click('#seed-workloads');
    await lab.waitForText('k8s-ctr', /pod\/curl-pod condition met[\s\S]*root@k8s-ctr:~#\s*$/);
    await page.selectOption('#speed', '0.25');
    await lab.type('k8s-ctr', "W=$(kubectl get pod -l app=webpod --field-selector spec.nodeName=k8s-w1 -o jsonpath='{.items[0].status.podIP}'); for i in $(seq 100); do kubectl exec curl-pod -- ping -c 1 -W 1 $W >/dev/null & done; wait");
    const r = await fps(page, 100, 3000);
    console.log(`web-fps-100-in-flight: ${r.fps.toFixed(0)} fps (at least ${r.inFlight} packets drawn in every frame)`);
  } finally {
    await context.close();
    server.close();
  }
}
