// web (captures): what can be downloaded as pcap files Wireshark and tcpdump read: every capture tcpdump
// made in a terminal (as `ciliumlab --pcap DIR` writes them: LINUX_SLL2 for -i any), and the packet
// timeline — every frame every device sent or received, as Ethernet (LINKTYPE_ETHERNET), lab time stamps.

import { LINKTYPE_ETHERNET, PcapWriter, type Lab } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import type { Timeline } from '../packets/timeline.js';

export function timelinePcap(lab: Lab, timeline: Timeline): Uint8Array {
  const w = new PcapWriter({ linktype: LINKTYPE_ETHERNET, snaplen: 262144 });
  const frames = [...timeline.traces.values()].flatMap((t) => t.moves).filter((m) => m.rec.kind === 'packet').sort((a, b) => a.rec.e.timeUs - b.rec.e.timeUs || a.seq - b.seq);
  for (const f of frames) {
    const us = lab.spec.clock.startUnixMs * 1000 + f.rec.e.timeUs;
    w.write({ tsSec: Math.floor(us / 1e6), tsUsec: us % 1e6, data: f.rec.e.data });
  }
  return w.finish();
}

function save(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.tcpdump.pcap' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class Downloads {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'captures', id: 'captures', 'aria-label': 'Captures' });

  constructor(
    private readonly runtime: LabRuntime,
    private readonly timeline: Timeline,
  ) {
    const all = h('button', { type: 'button', id: 'download-timeline' }, 'Timeline (.pcap)');
    all.addEventListener('click', () => save(`${runtime.spec.name}-timeline.pcap`, timelinePcap(runtime.lab, this.timeline)));
    this.element = h('section', { class: 'downloads', 'aria-labelledby': 'downloads-title' }, h('h2', { id: 'downloads-title' }, 'Captures'), all, this.list);
    runtime.onCapture.on(() => this.render());
    this.render();
  }

  private render(): void {
    const items = this.runtime.captures.map((c) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => save(c.name, c.bytes) }, `${c.name} (${c.bytes.length} bytes)`)));
    fill(this.list, ...(items.length > 0 ? items : [h('li', { class: 'hint' }, 'tcpdump captures made in a terminal appear here.')]));
  }
}
