// web (what-if): change the lab from the page and see what it does. The routing mode (native, VXLAN,
// Geneve), autoDirectNodeRoutes and the MTU go through helm and a rollout; a route goes onto the router.
// Each change is typed into a terminal (the same commands, shown before they run), then the
// reachability matrix is probed again.

import { fill, h } from '../app/dom.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import type { TerminalArea } from '../terminal/terminal-area.js';
import type { ReachabilityMatrix } from './reachability-matrix.js';
import { currentDatapath, datapathCommands, podCidrRoutes, routerOf, type DatapathChoice, type RoutingChoice } from './what-if-commands.js';

const MODES: ReadonlyArray<readonly [RoutingChoice, string]> = [
  ['native', 'Native routing'],
  ['vxlan', 'VXLAN tunnel'],
  ['geneve', 'Geneve tunnel'],
];

export class WhatIfPanel {
  readonly element: HTMLElement;
  private readonly autoDirect = h('input', { type: 'checkbox', id: 'auto-direct' });
  private readonly mtu = h('input', { type: 'number', id: 'mtu', min: 0, max: 9000, step: 1, value: 0 });
  private readonly preview = h('pre', { class: 'preview', id: 'datapath-preview', 'aria-label': 'Commands that will run' });
  private readonly prefix = h('input', { type: 'text', id: 'route-prefix', placeholder: '172.20.1.0/24', spellcheck: false });
  private readonly via = h('input', { type: 'text', id: 'route-via', placeholder: '192.168.20.100', spellcheck: false });
  private readonly modeInputs: HTMLInputElement[];
  private readonly buttons: HTMLButtonElement[] = [];
  private isRunning = false;

  constructor(
    private readonly runtime: LabRuntime,
    private readonly terminals: TerminalArea,
    private readonly matrix: ReachabilityMatrix,
  ) {
    this.modeInputs = MODES.map(([value]) => h('input', { type: 'radio', name: 'routing-mode', id: `mode-${value}`, value }));
    this.showCurrent();
    // Follow what the terminals did (a helm upgrade typed by hand) unless a what-if is running.
    runtime.onCommandDone.on(() => {
      if (!this.isRunning) this.showCurrent();
    });
    for (const el of [...this.modeInputs, this.autoDirect, this.mtu]) el.addEventListener('input', () => this.showPreview());
    const apply = this.button('Apply with helm', 'apply-datapath', () => this.applyDatapath());
    const datapath = h(
      'fieldset',
      {},
      h('legend', {}, 'Cilium datapath'),
      h('div', { class: 'radios' }, ...this.modeInputs.map((input, i) => h('label', { for: input.id }, input, ` ${MODES[i]?.[1] ?? ''}`))),
      h('label', { for: 'auto-direct' }, this.autoDirect, ' autoDirectNodeRoutes (native only)'),
      h('label', { for: 'mtu' }, 'MTU (0: from the devices) ', this.mtu),
      this.preview,
      apply,
    );
    const router = routerOf(runtime.lab);
    const routes = router
      ? h(
          'fieldset',
          {},
          h('legend', {}, `Route on ${router}`),
          h('label', { for: 'route-prefix' }, 'Prefix ', this.prefix),
          h('label', { for: 'route-via' }, 'via ', this.via),
          h('div', { class: 'toolbar' }, this.button('Add route', 'add-route', () => this.addRoute(router)), this.button('Route every PodCIDR', 'add-pod-routes', () => this.run(router, podCidrRoutes(runtime.lab, router)))),
        )
      : undefined;
    this.element = h('section', { class: 'what-if', 'aria-labelledby': 'what-if-title' }, h('h2', { id: 'what-if-title' }, 'What if'), datapath, routes);
  }

  /** The form shows the lab's Helm values as they are now. */
  private showCurrent(): void {
    const now = currentDatapath(this.runtime.lab);
    for (const input of this.modeInputs) input.checked = input.value === now.mode;
    this.autoDirect.checked = now.autoDirectNodeRoutes;
    this.mtu.value = String(now.mtu);
    this.showPreview();
  }

  private choice(): DatapathChoice {
    const mode = (this.modeInputs.find((i) => i.checked)?.value ?? 'native') as RoutingChoice;
    return { mode, autoDirectNodeRoutes: this.autoDirect.checked, mtu: Math.max(0, Math.floor(Number(this.mtu.value) || 0)) };
  }

  private showPreview(): void {
    this.autoDirect.disabled = this.choice().mode !== 'native';
    fill(this.preview, datapathCommands(this.runtime.lab, this.choice()).join('\n'));
  }

  private applyDatapath(): Promise<void> {
    return this.run(this.runtime.spec.kubernetes.controlPlane ?? this.runtime.vmNames[0] ?? '', datapathCommands(this.runtime.lab, this.choice()));
  }

  private addRoute(router: string): Promise<void> {
    const prefix = this.prefix.value.trim();
    const via = this.via.value.trim();
    if (!/^[\d./]+$/.test(prefix) || !/^[\d.]+$/.test(via)) {
      this.prefix.setAttribute('aria-invalid', 'true');
      return Promise.resolve();
    }
    this.prefix.removeAttribute('aria-invalid');
    return this.run(router, [`ip route add ${prefix} via ${via}`]);
  }

  /** Types the commands into a terminal on `vm`, waits for them, then probes again. */
  private async run(vm: string, commands: readonly string[]): Promise<void> {
    for (const b of this.buttons) b.disabled = true;
    this.isRunning = true;
    try {
      await this.terminals.on(vm).run(commands);
      await this.matrix.probeAll();
    } finally {
      this.isRunning = false;
      for (const b of this.buttons) b.disabled = false;
      this.showCurrent();
    }
  }

  private button(label: string, id: string, onClick: () => Promise<void>): HTMLButtonElement {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => void onClick());
    this.buttons.push(b);
    return b;
  }
}
