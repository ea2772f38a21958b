// Test support for the browser lab: drives the page as a person does — type into a terminal, wait for
// its output, read the packet list and hops, take a screenshot into out/screenshots/ (CI keeps them).

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../out/screenshots/', import.meta.url));

export class LabPage {
  constructor(
    readonly page: Page,
    private readonly prefix: string,
  ) {}

  /** Opens the page and waits for the prompt and the topology; returns data-ready-ms. */
  async open(url: string): Promise<number> {
    await this.page.goto(url);
    await this.page.waitForFunction(() => document.body.dataset['readyMs'] !== undefined, null, { timeout: 60_000 });
    return Number(await this.page.evaluate(() => document.body.dataset['readyMs']));
  }

  terminal(name: string): Locator {
    return this.page.locator(`.terminal-pane[data-terminal="${name}"]`);
  }

  /** The rows the terminal shows now. */
  async screenText(name: string): Promise<string> {
    return this.terminal(name).locator('.xterm-rows').innerText();
  }

  /** Types a command line into a terminal and presses Enter. */
  async type(name: string, line: string): Promise<void> {
    await this.terminal(name).click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits until the terminal shows text matching `re`. Its rows are joined without line breaks, so a line
   * the terminal wrapped at its width matches as typed (and text on consecutive lines runs together).
   */
  async waitForText(name: string, re: RegExp, timeoutMs = 60_000): Promise<void> {
    await this.page.waitForFunction(
      ([sel, src, flags]) => new RegExp(src, flags).test(((document.querySelector(sel ?? '') as HTMLElement | null)?.innerText ?? '').replace(/\n/g, '')),
      [`.terminal-pane[data-terminal="${name}"] .xterm-rows`, re.source, re.flags] as const,
      { timeout: timeoutMs },
    );
  }

  /** Waits until the packet list shows a packet matching `re` (the playhead reached its end), chooses it and returns its text. */
  async choosePacket(re: RegExp, timeoutMs = 60_000): Promise<string> {
    const item = this.page.locator('#packets button.trace', { hasText: re }).first();
    await item.waitFor({ timeout: timeoutMs });
    await item.click();
    return item.innerText();
  }

  async hops(): Promise<string> {
    return this.page.locator('#hops').innerText();
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}${this.prefix}-${name}.png` });
  }
}
