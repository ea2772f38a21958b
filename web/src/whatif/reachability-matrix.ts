// web (what-if): the reachability matrix — a row per source pod, a column per pod and Service, each cell
// green (✓) or red (✗) from a real probe through the lab. Choosing a cell shows its explanation: the
// verdict, the causes read from the hosts' tables and the fixes. "Probe" runs every cell again.

import type { Explanation } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import { isReachable, probe, probePlan, type ProbePlan, type ProbeTarget } from './reachability.js';

/** A Deployment's pod name without its hashes, ending in its own suffix: "webpod…w95cl". */
function short(name: string): string {
  const m = /^(.*)-[a-z0-9]{8,10}-([a-z0-9]{5})$/.exec(name);
  return m ? `${m[1]}…${m[2]}` : name;
}

export class ReachabilityMatrix {
  readonly element: HTMLElement;
  private readonly table = h('table', { class: 'matrix', id: 'reachability' });
  private readonly status = h('p', { class: 'matrix-status', role: 'status' }, 'Not probed yet.');
  private readonly detail = h('div', { class: 'matrix-detail', 'aria-live': 'polite' });
  private readonly probeButton = h('button', { type: 'button', id: 'probe' }, 'Probe reachability');
  private running: Promise<void> | undefined;

  constructor(
    private readonly runtime: LabRuntime,
    private readonly isUserNamespace: (ns: string) => boolean,
  ) {
    this.probeButton.addEventListener('click', () => void this.probeAll());
    this.element = h('section', { class: 'reachability', 'aria-labelledby': 'reachability-title' }, h('h2', { id: 'reachability-title' }, 'Reachability'), h('div', { class: 'toolbar' }, this.probeButton, this.status), this.table, this.detail);
  }

  /** Probes every pair (waits for a run already going instead of starting a second). */
  probeAll(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const { lab, driver } = this.runtime;
    const plan = probePlan(lab, this.isUserNamespace);
    if (plan.sources.length === 0) {
      this.status.textContent = 'No pods to probe: apply some workloads first (the seed\'s webpod and curl-pod).';
      fill(this.table);
      return;
    }
    this.probeButton.disabled = true;
    this.status.textContent = 'Probing…';
    this.runtime.onCommand.emit({ terminal: 'reachability', prompt: '', line: 'probe every pair' });
    const cells = this.draw(plan);
    const probes: Array<Promise<void>> = [];
    for (const from of plan.sources) {
      for (const to of plan.targets) {
        const cell = cells.get(`${from}>${to.id}`);
        if (!cell) continue;
        probes.push(probe(lab, driver, from, to).then((e) => this.show(cell, from, to, e)));
        await driver.sleep(1);
      }
    }
    await Promise.all(probes);
    const red = this.table.querySelectorAll('.cell.fail').length;
    this.status.textContent = `Probed at ${(lab.nowUs / 1e6).toFixed(1)} s of lab time: ${red === 0 ? 'everything answers' : `${red} of ${probes.length} pairs fail`}.`;
    this.probeButton.disabled = false;
  }

  private draw(plan: ProbePlan): Map<string, HTMLButtonElement> {
    const cells = new Map<string, HTMLButtonElement>();
    const name = (id: string) => id.split('/').pop() ?? id;
    const head = h('tr', {}, h('th', { scope: 'col' }, 'from \\ to'), ...plan.targets.map((t) => h('th', { scope: 'col', title: `${t.label} ${t.address}${t.port !== undefined ? `:${t.port}` : ''}` }, short(t.label), h('br'), h('small', {}, t.where))));
    const rows = plan.sources.map((from) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', title: name(from) }, short(name(from)), ' ', h('small', {}, plan.targets.find((t) => t.id === from)?.where ?? '')),
        ...plan.targets.map((to) => {
          if (to.id === from) return h('td', { class: 'self' }, '—');
          const b = h('button', { type: 'button', class: 'cell probing', 'aria-label': `${name(from)} to ${to.label}: probing` }, '…');
          cells.set(`${from}>${to.id}`, b);
          return h('td', {}, b);
        }),
      ),
    );
    fill(this.table, h('caption', {}, 'Ping between pods, TCP connect to Services'), h('thead', {}, head), h('tbody', {}, ...rows));
    return cells;
  }

  private show(cell: HTMLButtonElement, from: string, to: ProbeTarget, e: Explanation): void {
    const ok = isReachable(e);
    const label = `${from.split('/').pop() ?? from} to ${to.label}`;
    cell.className = `cell ${ok ? 'ok' : 'fail'}`;
    cell.textContent = ok ? '✓' : '✗';
    cell.setAttribute('aria-label', `${label}: ${ok ? 'reachable' : 'unreachable'}`);
    cell.title = e.verdict;
    cell.onclick = () => this.explain(label, e);
  }

  private explain(label: string, e: Explanation): void {
    fill(
      this.detail,
      h('h3', {}, label),
      h('p', {}, e.verdict),
      e.causes.length > 0 && h('ul', {}, ...e.causes.map((c) => h('li', {}, c))),
      ...e.fixes.map((f) => h('div', { class: 'fix' }, h('strong', {}, f.title), h('p', {}, f.why), h('pre', {}, f.commands.join('\n')))),
    );
  }
}
