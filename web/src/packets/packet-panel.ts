// web (packets): the controls and lists under the topology. Playback: back, play/pause, step, now, speed,
// and "replay from" a typed command. The packets of the command being played, each with its fate once
// reached; the hops of the chosen packet; and for the chosen hop the decision that moved it (route,
// BPF program and map entry, neighbour) with the frame's header stack and bytes.

import { DEFAULT_PRINT_OPTIONS, PacketPrinter, printNames, type Lab, type PacketTrail } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import { hexView } from './hex-view.js';
import { SPEEDS, type Player } from './player.js';
import type { Mark, MoveEvent, Timeline, Trace } from './timeline.js';
import { fateText, isArp, placeText, trailOf } from './trace-text.js';

const MAX_LISTED = 200;

export class PacketPanel {
  readonly element: HTMLElement;
  /** The packet whose hops are listed (chosen by the user, or the newest one reached). */
  focus: Trace | undefined;
  private isFocusChosen = false;
  private chosenHop: MoveEvent | undefined;
  private readonly playButton = h('button', { type: 'button', id: 'play' }, 'Pause');
  private readonly speed = h('select', { id: 'speed', 'aria-label': 'Speed' }, ...SPEEDS.map((s) => h('option', { value: s, selected: s === 1 }, `${s}×`)));
  private readonly replay = h('select', { id: 'replay', 'aria-label': 'Replay from a command' });
  private readonly clock = h('span', { class: 'play-clock', 'aria-live': 'off' });
  private readonly list = h('ol', { class: 'trace-list', id: 'packets', 'aria-label': 'Packets of the command being played' });
  private readonly hops = h('ol', { class: 'hop-list', id: 'hops', 'aria-label': 'Hops of the chosen packet' });
  private readonly inspector = h('div', { class: 'inspector', id: 'inspector', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Choose a hop to see its headers, bytes and the decision that moved it.'));
  private key = '';
  private lastMark: Mark | undefined;

  constructor(
    private readonly lab: Lab,
    private readonly timeline: Timeline,
    private readonly player: Player,
  ) {
    this.playButton.addEventListener('click', () => (player.isPlaying ? player.pause() : player.play()));
    this.speed.addEventListener('change', () => player.setSpeed(Number(this.speed.value)));
    this.replay.addEventListener('change', () => {
      const m = timeline.marks[Number(this.replay.value)];
      if (m) {
        this.isFocusChosen = false;
        player.replay(m);
      }
    });
    const controls = h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Packet playback' },
      h('button', { type: 'button', id: 'back', onclick: () => player.back(), 'aria-label': 'Step back' }, '◀ Back'),
      this.playButton,
      h('button', { type: 'button', id: 'step', onclick: () => player.step(), 'aria-label': 'Step forward' }, 'Step ▶'),
      h('button', { type: 'button', id: 'now', onclick: () => player.toNow() }, 'Now'),
      h('label', { for: 'speed' }, 'Speed'),
      this.speed,
      h('label', { for: 'replay' }, 'Replay'),
      this.replay,
      this.clock,
    );
    this.element = h('section', { class: 'packets', 'aria-label': 'Packets' }, controls, h('div', { class: 'packets-body' }, this.list, h('div', { class: 'trace-detail' }, this.hops, this.inspector)));
    player.onChange(() => this.update(true));
  }

  /** Redraws the lists when the playhead reached a new event (called every animation frame). */
  update(force = false): void {
    this.playButton.textContent = this.player.isPlaying ? 'Pause' : 'Play';
    this.clock.textContent = `${(this.player.playMs / 1000).toFixed(1)} s / ${(this.timeline.endMs / 1000).toFixed(1)} s`;
    if (this.timeline.marks.at(-1) !== this.lastMark) this.refreshMarks();
    const t = this.player.playMs;
    const start = this.timeline.marks.findLast((m) => m.playMs <= t)?.playMs ?? 0;
    const end = this.timeline.marks.find((m) => m.playMs > t)?.playMs ?? Number.POSITIVE_INFINITY;
    const traces = this.timeline.tracesBetween(start, Math.min(t, end)).slice(-MAX_LISTED);
    const reached = traces.reduce((n, tr) => n + tr.moves.filter((m) => m.playMs <= t).length, 0);
    if (!this.isFocusChosen) this.focus = traces.findLast((tr) => !isArp(tr)) ?? traces.at(-1);
    const key = `${start}:${traces.length}:${reached}:${this.focus?.traceId}:${this.chosenHop?.seq}`;
    if (!force && key === this.key) return;
    this.key = key;
    this.renderList(traces, t);
    this.renderHops(t);
  }

  private refreshMarks(): void {
    this.lastMark = this.timeline.marks.at(-1);
    fill(this.replay, h('option', { value: '', disabled: true, selected: true }, 'a command…'), ...this.timeline.marks.map((m, i) => h('option', { value: i }, m.label.slice(0, 80))));
  }

  private renderList(traces: readonly Trace[], t: number): void {
    const items = traces.map((tr) => {
      const trail = trailOf(tr);
      const isDone = (tr.moves.at(-1)?.playMs ?? 0) <= t;
      const fate = isDone ? fateText(trail) : 'in flight…';
      const cls = `trace${tr === this.focus ? ' focus' : ''}${isDone && trail.fate.kind === 'dropped' ? ' dropped' : ''}${isDone && trail.fate.kind === 'delivered' ? ' delivered' : ''}`;
      const button = h('button', { type: 'button', class: cls, 'aria-pressed': String(tr === this.focus) }, h('span', { class: 'summary' }, trail.summary || 'frame'), h('span', { class: 'fate' }, fate));
      button.addEventListener('click', () => {
        this.focus = tr;
        this.isFocusChosen = true;
        this.chosenHop = undefined;
        this.update(true);
      });
      return h('li', {}, button);
    });
    fill(this.list, ...(items.length > 0 ? items : [h('li', { class: 'hint' }, 'No packets yet: run a ping or curl in a terminal.')]));
  }

  private renderHops(t: number): void {
    const tr = this.focus;
    if (!tr) {
      fill(this.hops);
      return;
    }
    const trail = trailOf(tr);
    const reached = tr.moves.filter((m) => m.playMs <= t);
    const current = reached.at(-1);
    const crumbs = tr.moves.map((m) => {
      const isCurrent = m === current;
      const b = h('button', { type: 'button', class: `hop${m.playMs <= t ? ' reached' : ''}${m.rec.kind === 'drop' ? ' drop' : ''}${m === this.chosenHop ? ' chosen' : ''}`, 'aria-current': isCurrent ? 'step' : undefined }, placeText(m.rec));
      b.addEventListener('click', () => {
        this.chosenHop = m;
        this.update(true);
      });
      return h('li', {}, b);
    });
    fill(this.hops, ...crumbs);
    const hop = this.chosenHop && tr.moves.includes(this.chosenHop) ? this.chosenHop : current;
    if (hop) this.inspect(tr, trail, hop);
  }

  private inspect(tr: Trace, trail: PacketTrail, hop: MoveEvent): void {
    const i = tr.events.indexOf(hop);
    const fromI = hop.from ? tr.events.indexOf(hop.from) + 1 : 0;
    // The decisions between the previous place and this one, then this event's own entries.
    const steps = trail.steps.slice(fromI, i + 1).filter((s) => s.kind !== 'tap' || s.entries.length > 0);
    const decisions = steps.map((s) => h('li', {}, h('strong', {}, `${s.pod?.split('/').pop() ?? s.host}${s.dev !== undefined ? ` ${s.dev}` : ''}: ${s.decision}`), ...s.entries.map((e) => h('div', { class: 'entry' }, e))));
    const rec = hop.rec;
    const us = this.lab.spec.clock.startUnixMs * 1000 + rec.e.timeUs;
    const printer = new PacketPrinter({ ...DEFAULT_PRINT_OPTIONS, nflag: 2, vflag: 0 }, printNames({ nflag: 2 }), 'en10mb', this.lab.spec.clock.timezone);
    const line = printer.print({ tsSec: Math.floor(us / 1e6), tsUsec: us % 1e6, data: rec.e.data }).trimEnd();
    fill(
      this.inspector,
      h('h3', {}, `${placeText(rec)} at ${(rec.e.timeUs / 1e6).toFixed(6)} s`),
      rec.kind === 'drop' && h('p', { class: 'drop-reason' }, `Dropped: ${rec.e.reason} in ${rec.where}${rec.e.detail !== undefined ? ` — ${rec.e.detail}` : ''}`),
      h('pre', { class: 'tcpdump-line' }, line),
      decisions.length > 0 && h('ol', { class: 'decisions', 'aria-label': 'Decisions' }, ...decisions),
      hexView(rec.e.data),
    );
  }
}
