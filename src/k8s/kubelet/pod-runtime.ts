// Layer k8s: the port through which a kubelet runs pods on its node. The lab layer implements it
// with network namespaces, CNI (Cilium) and the emulated apps (whoami, netshoot...). The kubelet
// only sequences calls and reports status; the runtime decides IPs, failures and process timing.

import type { Node } from '../objects/core.js';
import type { Container, Pod } from '../objects/pod.js';

/** Result of RunPodSandbox + CNI ADD: the pod IP, or the error text kubelet reports. */
export type SandboxResult = { readonly podIP: string } | { readonly error: string };

/** Result of starting a container's process. */
export type ContainerStartResult =
  | {
      readonly ok: true;
      /** Container becomes Ready this much later (readiness, app start-up). */
      readonly readyAfterUs?: number;
      /** The process exits by itself this much later (a program that fails at start-up), with `exitCode`. */
      readonly exitAfterUs?: number;
      readonly exitCode?: number;
    }
  | { readonly ok: false; readonly error: string };

/** How a container reacts to SIGTERM. */
export interface ContainerStopResult {
  /** Time until the process exits; `Infinity` when it ignores SIGTERM (killed at the grace period's end). */
  readonly exitAfterUs?: number;
  readonly exitCode?: number;
}

export interface PodRuntime {
  /** Creates the sandbox and its network. Not called for hostNetwork pods (they use the node's IP). */
  createSandbox(pod: Pod, node: Node): SandboxResult;
  /** Tears the sandbox down (CNI DEL). Called for every pod whose sandbox was created, hostNetwork included. */
  killSandbox(pod: Pod, node: Node): void;
  /** Starts one container's process (optional: without it every container starts and is ready at once). */
  startContainer?(pod: Pod, container: Container, node: Node): ContainerStartResult;
  /** Sends SIGTERM to a container (optional: without it containers exit ~100 ms after SIGTERM). */
  stopContainer?(pod: Pod, container: Container, node: Node): ContainerStopResult;
  /** Whether the image is already in the node's containerd store (optional: default, after a first pull). */
  hasImage?(node: Node, image: string): boolean;
}

/** A runtime that hands out addresses from a list per node; for tests and for labs without CNI. */
export class StaticIpRuntime implements PodRuntime {
  private readonly next = new Map<string, number>();
  readonly live = new Map<string, string>();

  /** `cidrPrefixByNode` maps node name → "10.0.1." style prefixes; hosts .2 .. .254 are handed out in order. */
  constructor(private readonly cidrPrefixByNode: Readonly<Record<string, string>>) {}

  createSandbox(pod: Pod, node: Node): SandboxResult {
    const prefix = this.cidrPrefixByNode[node.metadata.name ?? ''];
    if (prefix === undefined) return { error: `no pod CIDR for node ${node.metadata.name ?? ''}` };
    const n = (this.next.get(prefix) ?? 1) + 1;
    this.next.set(prefix, n);
    const ip = `${prefix}${n}`;
    this.live.set(pod.metadata.uid ?? '', ip);
    return { podIP: ip };
  }

  killSandbox(pod: Pod): void {
    this.live.delete(pod.metadata.uid ?? '');
  }
}
