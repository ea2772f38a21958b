// web (app): one running lab in the page, put together as the CLI's session setup does: the lab built
// from a spec and seed, a shell session with the tool registry, and the virtual-time driver following the
// page's lab clock (a `ping` line a second at 1×). tcpdump's captures land here as pcap files, as
// `ciliumlab --pcap DIR` writes them; terminals report the commands typed, which mark the packet timeline.

import { buildLab, commands, LabSession, VirtualTimeDriver, type HostTarget, type Lab, type LabSpec, type Screen, type Terminal } from '../../../src/index.browser.js';
import { Emitter } from './emitter.js';
import { macrotask, type LabClock } from './wall-clock.js';

export interface CaptureFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface TypedCommand {
  readonly terminal: string;
  readonly prompt: string;
  readonly line: string;
}

export class LabRuntime {
  readonly lab: Lab;
  readonly session: LabSession;
  readonly driver: VirtualTimeDriver;
  readonly captures: CaptureFile[] = [];
  readonly onCapture = new Emitter<CaptureFile>();
  readonly onCommand = new Emitter<TypedCommand>();
  /** A command typed in a terminal has finished (the lab may look different now). */
  readonly onCommandDone = new Emitter<TypedCommand>();
  private terminalSeq = 0;

  constructor(
    readonly spec: LabSpec,
    readonly fileName: string,
    seed: number | undefined,
    readonly clock: LabClock,
  ) {
    this.lab = buildLab(spec, seed === undefined ? {} : { seed });
    this.driver = new VirtualTimeDriver(this.lab.scheduler, macrotask, clock);
    const pcapSink = {
      write: (name: string, bytes: Uint8Array) => {
        const file = { name, bytes };
        this.captures.push(file);
        this.onCapture.emit(file);
      },
    };
    this.session = new LabSession({ lab: this.lab, driver: this.driver, tools: commands, maxLoopIterations: Number.POSITIVE_INFINITY, pcapSink });
    this.driver.startRealtime();
  }

  /** The hosts a terminal can open on: the VMs of the lab file. */
  get vmNames(): string[] {
    return this.spec.hosts.map((h) => h.name);
  }

  openTerminal(target: HostTarget, screen: Screen): Terminal | undefined {
    return this.session.openTerminal(`web-${++this.terminalSeq}`, screen, target);
  }

  stop(): void {
    this.driver.stopRealtime();
  }
}
