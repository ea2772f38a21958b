// Benchmark support: a first visit in a fresh Chromium that no debugger watches while the page loads (as a
// user's browser), unlike playwright's pages, whose DevTools session makes V8 keep source positions and
// reparse scripts. Chromium opens the URL itself with a fresh profile and a remote-debugging port nobody
// uses until the page is ready; then the page's own data-ready-ms and marks are read over CDP.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/web/support/chromium.js';

export interface PlainVisit {
  readonly readyMs: number;
  /** ms since navigation at each ciliumlab mark. */
  readonly marks: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens `url` in a fresh browser, waits `settleMs` without attaching, then reads when the page was ready. */
export async function plainFirstVisit(url: string, port: number, settleMs = 8000): Promise<PlainVisit> {
  const profile = mkdtempSync(join(tmpdir(), 'ciliumlab-plain-'));
  const browser = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, '--window-size=1600,1000', url], { stdio: 'ignore', detached: true });
  try {
    await sleep(settleMs);
    const { chromium } = await import('playwright-core');
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const page = cdp.contexts().flatMap((c) => c.pages()).find((pg) => pg.url().startsWith(url));
      if (!page) throw new Error(`no page at ${url}`);
      await page.waitForFunction(() => document.body.dataset['readyMs'] !== undefined, null, { timeout: 60_000 });
      const readyMs = Number(await page.evaluate(() => document.body.dataset['readyMs']));
      const marks = (await page.evaluate("performance.getEntriesByType('mark').map((e) => e.name.replace('ciliumlab:', '') + ' ' + Math.round(e.startTime)).join(', ')")) as string;
      return { readyMs, marks };
    } finally {
      await cdp.close();
    }
  } finally {
    // The whole process group: Chromium's children would go on writing the profile after the browser exits.
    const exited = new Promise((r) => browser.once('exit', r));
    process.kill(-(browser.pid ?? 0), 'SIGKILL');
    await exited;
    await sleep(500);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
