// web (packets): the packets drawn over the topology on a canvas, once per animation frame: a dot per
// frame in flight, moving between the places of two events (coloured by protocol, ringed when
// encapsulated, the tunnel it rides highlighted), and a red cross with the reason where a packet dropped.

import type { TopologyView } from '../topology/topology-view.js';
import { frameStyle, type FrameStyle } from './frame-style.js';
import type { Player } from './player.js';
import type { PacketScene, Point } from './scene.js';
import { STEP_MS, type MoveEvent, type Timeline, type Trace } from './timeline.js';

const DROP_SHOWN_MS = 6 * STEP_MS;
const RING = '#bc4c00';
const DROP = '#cf222e';

export class PacketOverlay {
  readonly canvas: HTMLCanvasElement;
  /** Dots drawn in the last frame (the bench reads it). */
  inFlight = 0;
  focusTraceId: number | undefined;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly styles = new WeakMap<MoveEvent, FrameStyle>();
  private carrying = new Set<string>();
  private dropped = new Set<string>();

  constructor(
    private readonly view: TopologyView,
    private readonly scene: PacketScene,
    private readonly timeline: Timeline,
    private readonly player: Player,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'packet-overlay';
    this.canvas.setAttribute('aria-hidden', 'true');
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    this.ctx = ctx;
    view.canvasHost.append(this.canvas);
  }

  draw(): void {
    if (!this.view.isDrawn) return;
    const host = this.view.canvasHost;
    const dpr = window.devicePixelRatio || 1;
    const w = host.clientWidth;
    const h = host.clientHeight;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const zoom = this.view.cy.zoom();
    const pan = this.view.cy.pan();
    const toScreen = (p: Point): Point => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
    const t = this.player.playMs;
    const carrying = new Set<string>();
    const dropped = new Set<string>();
    let n = 0;
    for (const trace of this.timeline.traces.values()) {
      const last = trace.moves.at(-1);
      const first = trace.moves[0];
      if (!last || !first || first.playMs > t || last.playMs + DROP_SHOWN_MS < t) continue;
      n += this.drawTrace(trace, t, toScreen, carrying);
      if (last.rec.kind === 'drop' && t >= last.playMs) {
        const p = this.scene.pointOf(last.rec);
        const node = this.scene.nodeOf(last.rec);
        if (p) this.drawDrop(toScreen(p), last.rec.e.reason);
        if (node !== undefined) dropped.add(node);
      }
    }
    this.inFlight = n;
    this.carrying = this.sync(this.carrying, carrying, 'carrying');
    this.dropped = this.sync(this.dropped, dropped, 'dropped');
  }

  private drawTrace(trace: Trace, t: number, toScreen: (p: Point) => Point, carrying: Set<string>): number {
    let n = 0;
    for (const m of trace.moves) {
      const from = m.from;
      if (!from || from.playMs > t || t >= m.playMs) continue;
      const path = this.scene.path(from.rec, m.rec).map(toScreen);
      if (path.length === 0) continue;
      const style = this.styleOf(from);
      if (style.isEncapsulated) {
        const edge = this.scene.tunnelEdge(style.outerSrc, style.outerDst);
        if (edge !== undefined) carrying.add(edge);
      }
      this.drawDot(along(path, (t - from.playMs) / (m.playMs - from.playMs)), style, trace.traceId === this.focusTraceId);
      n++;
    }
    return n;
  }

  private styleOf(ev: MoveEvent): FrameStyle {
    let s = this.styles.get(ev);
    if (!s) {
      s = frameStyle(ev.rec.e.data);
      this.styles.set(ev, s);
    }
    return s;
  }

  private drawDot(p: Point, s: FrameStyle, isFocus: boolean): void {
    const ctx = this.ctx;
    if (s.isEncapsulated) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, 10, 0, Math.PI * 2);
      ctx.strokeStyle = RING;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(p.x, p.y, isFocus ? 7 : 5.5, 0, Math.PI * 2);
    ctx.fillStyle = s.color;
    ctx.fill();
    ctx.lineWidth = isFocus ? 2.5 : 1.5;
    ctx.strokeStyle = isFocus ? '#1f2328' : '#ffffff';
    ctx.stroke();
  }

  private drawDrop(p: Point, reason: string): void {
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 11, 0, Math.PI * 2);
    ctx.fillStyle = DROP;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(p.x - 5, p.y - 5);
    ctx.lineTo(p.x + 5, p.y + 5);
    ctx.moveTo(p.x + 5, p.y - 5);
    ctx.lineTo(p.x - 5, p.y + 5);
    ctx.stroke();
    ctx.font = 'bold 12px system-ui, sans-serif';
    const text = `dropped: ${reason}`;
    const tw = ctx.measureText(text).width;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(p.x + 14, p.y - 9, tw + 8, 18);
    ctx.strokeStyle = DROP;
    ctx.lineWidth = 1;
    ctx.strokeRect(p.x + 14, p.y - 9, tw + 8, 18);
    ctx.fillStyle = '#a40e26';
    ctx.fillText(text, p.x + 18, p.y + 4);
  }

  /** Applies a Cytoscape class to exactly the elements in `next`. */
  private sync(prev: Set<string>, next: Set<string>, cls: string): Set<string> {
    for (const id of prev) if (!next.has(id)) this.view.cy.getElementById(id).removeClass(cls);
    for (const id of next) if (!prev.has(id)) this.view.cy.getElementById(id).addClass(cls);
    return next;
  }
}

/** The point a fraction `f` along a polyline. */
function along(path: readonly Point[], f: number): Point {
  const segs = path.slice(1).map((p, i) => {
    const a = path[i] ?? p;
    return { a, b: p, len: Math.hypot(p.x - a.x, p.y - a.y) };
  });
  const total = segs.reduce((s, x) => s + x.len, 0);
  let d = Math.max(0, Math.min(1, f)) * total;
  for (const s of segs) {
    if (d <= s.len || s === segs.at(-1)) {
      const k = s.len === 0 ? 0 : d / s.len;
      return { x: s.a.x + (s.b.x - s.a.x) * k, y: s.a.y + (s.b.y - s.a.y) * k };
    }
    d -= s.len;
  }
  return path[0] ?? { x: 0, y: 0 };
}
