// web (packets): a frame's header stack beside its bytes. Each layer from src/wire's dissect() is a
// button naming it (with the one-line header text the explanation uses); its bytes in the hex dump carry
// the layer's colour, and choosing a layer outlines them. Layers inside a VXLAN/Geneve tunnel are marked
// inner, so the outer and inner Ethernet/IP headers can be told apart.

import { dissect, headerStack, type Layer } from '../../../src/index.browser.js';
import { h } from '../app/dom.js';

interface Span {
  readonly name: string;
  readonly text: string;
  readonly offset: number;
  readonly length: number;
  readonly isInner: boolean;
}

/** Layers with their byte ranges: a header covers its own bytes, not those of what it carries. */
function spans(frame: Uint8Array): Span[] {
  const layers = dissect(frame);
  const texts = headerStack(frame);
  let ti = 0;
  let isInner = false;
  return layers.map((l: Layer) => {
    const t = texts[ti]?.proto === l.proto ? texts[ti++]?.text : undefined;
    const span = { name: l.proto, text: t ?? (l.proto === 'malformed' ? `malformed: ${l.error.kind}` : `${l.length} bytes`), offset: l.offset, length: l.length, isInner };
    if (l.proto === 'vxlan' || l.proto === 'geneve') isInner = true;
    return span;
  });
}

export function hexView(frame: Uint8Array): HTMLElement {
  const ss = spans(frame);
  const layerOf = new Int16Array(frame.length).fill(-1);
  ss.forEach((s, i) => layerOf.fill(i, s.offset, Math.min(frame.length, s.offset + s.length)));
  const rows: HTMLElement[] = [];
  for (let off = 0; off < frame.length; off += 16) {
    const cells: Node[] = [document.createTextNode(`${off.toString(16).padStart(4, '0')}  `)];
    for (let i = off; i < Math.min(off + 16, frame.length); i++) {
      const li = layerOf[i] ?? -1;
      const s = ss[li];
      cells.push(h('span', { class: `byte l-${s?.name ?? 'none'}${s?.isInner ? ' inner' : ''}`, 'data-layer': li }, (frame[i] ?? 0).toString(16).padStart(2, '0')));
      cells.push(document.createTextNode(i % 16 === 7 ? '  ' : ' '));
    }
    rows.push(h('div', {}, ...cells));
  }
  const dump = h('pre', { class: 'hex', 'aria-label': `${frame.length} bytes in hexadecimal` }, ...rows);
  const buttons = ss.map((s, i) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: `layer l-${s.name}${s.isInner ? ' inner' : ''}`, 'aria-pressed': 'false', onclick: (e: Event) => highlight(dump, e.currentTarget as HTMLButtonElement, i) },
        h('span', { class: 'layer-name' }, `${s.isInner ? 'inner ' : ''}${s.name}`),
        ` ${s.text} `,
        h('span', { class: 'layer-range' }, `[${s.offset}..${s.offset + s.length})`),
      ),
    ),
  );
  return h('div', { class: 'frame-view' }, h('ol', { class: 'layers', 'aria-label': 'Header stack, outermost first' }, ...buttons), dump);
}

function highlight(dump: HTMLElement, button: HTMLButtonElement, layer: number): void {
  const isOn = button.getAttribute('aria-pressed') !== 'true';
  for (const b of button.closest('ol')?.querySelectorAll('button') ?? []) b.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-pressed', String(isOn));
  for (const el of dump.querySelectorAll<HTMLElement>('.byte')) el.classList.toggle('hl', isOn && el.dataset['layer'] === String(layer));
}
