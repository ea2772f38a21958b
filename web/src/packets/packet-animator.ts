// web (packets): ties the packet view together and runs it once per animation frame: what the lab's trace
// bus recorded since the last frame goes onto the timeline, the playhead advances, the overlay draws, the
// lists follow. Every command typed in a terminal marks the timeline, so it can be replayed.

import { TraceRecorder } from '../../../src/index.browser.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import type { TopologyView } from '../topology/topology-view.js';
import { PacketOverlay } from './overlay.js';
import { PacketPanel } from './packet-panel.js';
import { Player } from './player.js';
import { PacketScene } from './scene.js';
import { Timeline } from './timeline.js';

/** The lists under the picture follow the playhead at this pace; the canvas every frame. */
const PANEL_EVERY_MS = 100;

export class PacketAnimator {
  readonly timeline = new Timeline();
  readonly player = new Player(this.timeline);
  readonly panel: PacketPanel;
  readonly overlay: PacketOverlay;
  private readonly recorder: TraceRecorder;
  private lastFrameMs = performance.now();
  private lastPanelMs = 0;

  constructor(runtime: LabRuntime, view: TopologyView) {
    this.recorder = new TraceRecorder(runtime.lab);
    this.overlay = new PacketOverlay(view, new PacketScene(view, runtime.lab), this.timeline, this.player);
    this.panel = new PacketPanel(runtime.lab, this.timeline, this.player);
    runtime.onCommand.on((c) => this.timeline.mark(`${c.terminal}: ${c.line}`, this.player.playMs));
    requestAnimationFrame((t) => this.frame(t));
  }

  private frame(nowMs: number): void {
    const dt = Math.min(100, nowMs - this.lastFrameMs);
    this.lastFrameMs = nowMs;
    for (const rec of this.recorder.events.splice(0)) this.timeline.add(rec, this.player.playMs);
    this.player.advance(dt);
    this.overlay.focusTraceId = this.panel.focus?.traceId;
    this.overlay.draw();
    if (nowMs - this.lastPanelMs > PANEL_EVERY_MS) {
      this.lastPanelMs = nowMs;
      this.panel.update();
    }
    requestAnimationFrame((t) => this.frame(t));
  }
}
