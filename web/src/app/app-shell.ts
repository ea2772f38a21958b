// web (app): the page — a header (the lab, its clock speed, system pods shown or summed up, Load lab…,
// the seed's workloads), the topology with the packets over it and their controls on the left, the
// terminals and the what-if, reachability and capture panels on the right. Resolves when the first
// terminal shows its prompt and the topology is drawn.

import { Downloads } from '../capture/downloads.js';
import { LabLoader } from '../labfile/lab-loader.js';
import { PacketAnimator } from '../packets/packet-animator.js';
import { TerminalArea } from '../terminal/terminal-area.js';
import { TopologyView } from '../topology/topology-view.js';
import { ReachabilityMatrix } from '../whatif/reachability-matrix.js';
import { WhatIfPanel } from '../whatif/what-if-panel.js';
import { h } from './dom.js';
import type { LabRuntime } from './lab-runtime.js';
import { SEED_WORKLOAD_LINES } from './seed-workloads.js';

const CLOCK_SPEEDS = [1, 10, 60] as const;

function header(runtime: LabRuntime, view: TopologyView, loader: LabLoader, seedWorkloads: () => void): HTMLElement {
  const speeds = [...new Set([...CLOCK_SPEEDS, runtime.clock.speed])].sort((a, b) => a - b);
  const clock = h('select', { id: 'lab-clock' }, ...speeds.map((s) => h('option', { value: s, selected: s === runtime.clock.speed }, `${s}×`)));
  clock.addEventListener('change', () => (runtime.clock.speed = Number(clock.value)));
  const systemPods = h('input', { type: 'checkbox', id: 'system-pods' });
  systemPods.addEventListener('change', () => {
    view.showSystemPods = systemPods.checked;
    void view.refresh();
  });
  return h(
    'header',
    { class: 'app-header' },
    h('h1', {}, 'ciliumlab'),
    h('span', { class: 'lab-name' }, `${runtime.spec.name} (${runtime.fileName}), seed ${runtime.lab.seed}`),
    h('label', { for: 'lab-clock' }, 'Lab clock ', clock),
    h('label', { for: 'system-pods' }, systemPods, ' System pods'),
    h('button', { type: 'button', id: 'seed-workloads', onclick: seedWorkloads }, "Apply the seed's workloads"),
    h('button', { type: 'button', id: 'load-lab', onclick: () => loader.open() }, 'Load lab…'),
  );
}

export async function mountApp(runtime: LabRuntime): Promise<void> {
  const view = new TopologyView(runtime.lab);
  const animator = new PacketAnimator(runtime, view);
  const terminals = new TerminalArea(runtime, () => document.querySelector<HTMLElement>('.side-panels input, .side-panels button')?.focus());
  view.onPodTap = (namespace, name) => terminals.open({ kind: 'pod', namespace, name });
  const isUserNamespace = (ns: string) => view.isShownPod({ namespace: ns, name: '', ip: '', phase: '', hostNetwork: false });
  const matrix = new ReachabilityMatrix(runtime, isUserNamespace);
  const whatIf = new WhatIfPanel(runtime, terminals, matrix);
  const downloads = new Downloads(runtime, animator.timeline);
  const loader = new LabLoader();
  const controlPlane = runtime.spec.kubernetes.controlPlane ?? runtime.vmNames[0] ?? '';
  const seedWorkloads = () => void terminals.on(controlPlane).run(SEED_WORKLOAD_LINES);
  document.body.replaceChildren(
    header(runtime, view, loader, seedWorkloads),
    h(
      'main',
      { class: 'layout' },
      h('div', { class: 'column left' }, view.element, animator.panel.element),
      h('div', { class: 'column right' }, terminals.element, h('div', { class: 'side-panels' }, whatIf.element, matrix.element, downloads.element)),
    ),
    loader.dialog,
  );
  // For the bench and the tests: how many packets the last frame drew.
  Object.assign(window, { ciliumlab: { packetsInFlight: () => animator.overlay.inFlight } });
  const first = terminals.open({ kind: 'vm', name: controlPlane });
  await Promise.all([view.ready.then(() => performance.mark('ciliumlab:topology')), first.whenIdle().then(() => performance.mark('ciliumlab:prompt'))]);
  first.focus();
}
