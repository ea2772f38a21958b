// web (terminal): the terminals of the page — a tab per terminal, side by side in split view (the seed's
// "new terminal on router" running tcpdump beside a ping on k8s-ctr), and "New terminal on" any VM or pod
// of the lab. Tabs follow the WAI-ARIA tabs pattern; every control is reachable with Tab.

import type { HostTarget } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import { TerminalPane } from './terminal-pane.js';

interface Entry {
  readonly pane: TerminalPane;
  readonly tab: HTMLButtonElement;
  readonly panel: HTMLElement;
}

export class TerminalArea {
  readonly element: HTMLElement;
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Terminals' });
  private readonly panels = h('div', { class: 'terminal-panels' });
  private readonly targetSelect = h('select', { id: 'new-terminal-target', 'aria-label': 'Host or pod for a new terminal' });
  private readonly splitButton = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'true' }, 'Split view');
  private readonly entries: Entry[] = [];
  private active: Entry | undefined;
  private seq = 0;

  constructor(
    private readonly runtime: LabRuntime,
    /** Where focus goes when Escape leaves a terminal. */
    private readonly leave: () => void,
  ) {
    const openButton = h('button', { type: 'button', id: 'open-terminal', onclick: () => this.openSelected() }, 'Open');
    this.splitButton.addEventListener('click', () => this.setSplit(this.splitButton.getAttribute('aria-pressed') !== 'true'));
    this.targetSelect.addEventListener('focus', () => this.refreshTargets());
    const bar = h('div', { class: 'toolbar' }, h('label', { for: 'new-terminal-target' }, 'New terminal on'), this.targetSelect, openButton, this.splitButton);
    this.element = h('section', { class: 'terminal-area split', 'aria-label': 'Terminals' }, bar, this.tabs, this.panels);
    this.refreshTargets();
    new ResizeObserver(() => this.refit()).observe(this.panels);
  }

  /** Opens a terminal logged in to `target` and shows it. */
  open(target: HostTarget): TerminalPane {
    const title = target.kind === 'vm' ? target.name : target.kind === 'pod' ? target.name : 'workstation';
    const id = `terminal-${++this.seq}`;
    const pane = new TerminalPane(this.runtime, title, target, this.leave);
    const tab = h('button', { type: 'button', role: 'tab', id: `${id}-tab`, 'aria-controls': id, class: 'tab' }, title);
    const close = h('button', { type: 'button', class: 'pane-close', 'aria-label': `Close the terminal on ${title}` }, '×');
    const panel = h('div', { role: 'tabpanel', id, 'aria-labelledby': `${id}-tab`, class: 'terminal-panel' }, h('div', { class: 'pane-bar' }, h('span', {}, title), close), pane.element);
    const entry = { pane, tab, panel };
    tab.addEventListener('click', () => this.select(entry));
    tab.addEventListener('keydown', (e) => this.arrowKeys(e, entry));
    close.addEventListener('click', () => this.close(entry));
    this.tabs.append(tab);
    this.panels.append(panel);
    this.entries.push(entry);
    this.select(entry);
    void pane.start();
    return pane;
  }

  /** The first open terminal on a VM, opening one when there is none. */
  on(vm: string): TerminalPane {
    const e = this.entries.find((x) => x.pane.target.kind === 'vm' && x.pane.target.name === vm && !x.pane.isClosed);
    if (e) return e.pane;
    return this.open({ kind: 'vm', name: vm });
  }

  private select(entry: Entry): void {
    this.active = entry;
    for (const e of this.entries) {
      const isActive = e === entry;
      e.tab.setAttribute('aria-selected', String(isActive));
      e.tab.tabIndex = isActive ? 0 : -1;
      e.panel.classList.toggle('active', isActive);
    }
    this.refit();
    entry.pane.focus();
  }

  private arrowKeys(ev: KeyboardEvent, entry: Entry): void {
    const i = this.entries.indexOf(entry);
    const next = ev.key === 'ArrowRight' ? this.entries[(i + 1) % this.entries.length] : ev.key === 'ArrowLeft' ? this.entries[(i - 1 + this.entries.length) % this.entries.length] : undefined;
    if (!next) return;
    ev.preventDefault();
    this.select(next);
    next.tab.focus();
  }

  private close(entry: Entry): void {
    entry.pane.dispose();
    entry.tab.remove();
    entry.panel.remove();
    this.entries.splice(this.entries.indexOf(entry), 1);
    const next = this.entries.at(-1);
    if (this.active === entry && next) this.select(next);
    this.refit();
  }

  private setSplit(isSplit: boolean): void {
    this.splitButton.setAttribute('aria-pressed', String(isSplit));
    this.element.classList.toggle('split', isSplit);
    this.refit();
  }

  private refit(): void {
    requestAnimationFrame(() => {
      for (const e of this.entries) e.pane.refit();
    });
  }

  /** VMs, then the pods that are running now (a terminal is `kubectl exec -it POD -- sh` without the hop). */
  private refreshTargets(): void {
    const current = this.targetSelect.value;
    const vms = h('optgroup', { label: 'VMs' }, ...this.runtime.vmNames.map((n) => h('option', { value: `vm:${n}` }, n)));
    const pods = this.runtime.lab.k8s.api
      .list('Pod', {})
      .filter((p) => p.status?.phase === 'Running' && p.spec.hostNetwork !== true)
      .map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`)
      .sort((a, b) => Number(!a.startsWith('default/')) - Number(!b.startsWith('default/')) || a.localeCompare(b));
    fill(this.targetSelect, vms, pods.length > 0 && h('optgroup', { label: 'Pods' }, ...pods.map((p) => h('option', { value: `pod:${p}` }, p))));
    if ([...this.targetSelect.options].some((o) => o.value === current)) this.targetSelect.value = current;
  }

  private openSelected(): void {
    const v = this.targetSelect.value;
    if (v.startsWith('vm:')) this.open({ kind: 'vm', name: v.slice(3) });
    else if (v.startsWith('pod:')) {
      const [namespace = 'default', name = ''] = v.slice(4).split('/');
      this.open({ kind: 'pod', namespace, name });
    }
  }
}
