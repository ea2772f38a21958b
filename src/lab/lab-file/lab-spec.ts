// Layer lab (lab file): LabSpec, what loadLabFile() hands the lab builder: every default applied, every
// cross-reference checked, addresses parsed into src/addr values (Ipv4Addr, Ipv4Cidr, MacAddr), durations
// in microseconds relative to t=0. Helm values and manifests stay JSON trees, as Helm and kubectl see them.

import type { Ipv4Addr, Ipv4Cidr, MacAddr } from '../../addr/index.js';
import type { HelmValues } from './cilium-schema.js';
import type { HostRole } from './host-schema.js';
import type { InterfaceType } from './interface-schema.js';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type { HelmValue, HelmValues } from './cilium-schema.js';

export interface LabSpec {
  readonly name: string;
  readonly description: string;
  /** Default RNG seed; `--seed N` overrides it. */
  readonly seed: number;
  readonly clock: ClockSpec;
  readonly networks: readonly NetworkSpec[];
  /** In definition order (Vagrant's `vagrant up` / `vagrant status` order). */
  readonly hosts: readonly HostSpec[];
  readonly kubernetes: KubernetesSpec;
  readonly cilium: CiliumSpec;
  readonly workloads: readonly Manifest[];
}

export interface ClockSpec {
  /** The virtual wall clock at t=0, as written (ISO 8601 with offset). */
  readonly start: string;
  /** The same instant in milliseconds since the Unix epoch. */
  readonly startUnixMs: number;
  /** IANA zone the hosts' /etc/localtime points at ("Asia/Seoul"); tcpdump and date print local time. */
  readonly timezone: string;
}

export interface NetworkSpec {
  readonly name: string;
  /** Network prefix (host bits zero). */
  readonly cidr: Ipv4Cidr;
  readonly latencyUs: number;
  readonly description: string;
}

export interface HostSpec {
  readonly name: string;
  readonly role: HostRole;
  readonly cpus: number;
  readonly memoryMiB: number;
  /** PRETTY_NAME, e.g. "Ubuntu 24.04.2 LTS". */
  readonly os: string;
  readonly kernel: KernelSpec;
  /** In creation order: ifindex 2, 3, ... (lo is ifindex 1 and is not listed). */
  readonly interfaces: readonly InterfaceSpec[];
  readonly routes: readonly RouteSpec[];
  /** sysctl key -> value text as /proc/sys shows it ("1"). Only the keys the lab file sets. */
  readonly sysctl: { readonly [key: string]: string };
  readonly etcHosts: readonly EtcHostsEntry[];
  readonly services: readonly HostServiceSpec[];
}

export interface KernelSpec {
  /** `uname -r`. */
  readonly release: string;
  /** Modules loaded at boot, in load order. */
  readonly modules: readonly string[];
  /** CONFIG_* -> "y" | "m" | "n" | value: the defaults merged with the lab file's. */
  readonly config: { readonly [option: string]: string };
}

export interface InterfaceSpec {
  readonly name: string;
  readonly type: InterfaceType;
  /** A VirtualBox NAT NIC: address is 10.0.2.15/24 and the builder adds the DHCP routes (see VBOX_NAT). */
  readonly nat: boolean;
  /** networks[].name for an ethernet NIC on a segment; undefined for NAT and dummy devices. */
  readonly network: string | undefined;
  /** Address with its prefix length, host bits kept (192.168.10.100/24); undefined if none. */
  readonly address: Ipv4Cidr | undefined;
  readonly mtu: number;
  /** undefined: the builder draws a 08:00:27:xx:xx:xx MAC from the seed. */
  readonly mac: MacAddr | undefined;
  readonly altname: string | undefined;
}

export interface RouteSpec {
  readonly to: Ipv4Cidr;
  readonly via: Ipv4Addr;
  /** Resolved from the connected subnet holding `via` when the lab file leaves it out. */
  readonly dev: string;
  readonly metric: number;
  readonly onlink: boolean;
  /** netplan installs static routes with proto static. */
  readonly proto: 'static';
}

export interface EtcHostsEntry {
  readonly address: Ipv4Addr;
  readonly names: readonly string[];
}

export interface HostServiceSpec {
  readonly name: 'apache2';
  readonly port: number;
  readonly index: string;
}

export interface KubernetesSpec {
  readonly version: string;
  readonly containerRuntimeVersion: string;
  /** undefined only when the lab has no host with role node. */
  readonly controlPlane: string | undefined;
  readonly networking: {
    readonly serviceSubnet: Ipv4Cidr;
    readonly podSubnet: Ipv4Cidr | undefined;
    readonly dnsDomain: string;
  };
  readonly proxy: { readonly disabled: boolean };
  readonly kubeconfigContext: string;
  readonly removeControlPlaneTaint: boolean;
  /** One entry per host with role node, in host order. */
  readonly nodes: readonly KubeNodeSpec[];
  readonly addons: readonly AddonSpec[];
}

export interface KubeNodeSpec {
  readonly name: string;
  readonly nodeIP: Ipv4Addr;
  /** When the node joined, microseconds relative to t=0 (0 or negative). */
  readonly joinedUs: number;
  readonly labels: { readonly [key: string]: string };
}

export type AddonSpec =
  | { readonly name: 'metrics-server' }
  | { readonly name: 'local-path-provisioner'; readonly version: string; readonly defaultStorageClass: boolean }
  | { readonly name: 'cilium-monitoring'; readonly prometheusNodePort: number; readonly grafanaNodePort: number };

export interface CiliumSpec {
  readonly version: string;
  /** When `helm install` ran, microseconds relative to t=0. */
  readonly installedUs: number;
  /** The release's user-supplied values (`helm get values cilium`); chart defaults are not filled in. */
  readonly values: HelmValues;
  /** Pinned nodes, in host order. */
  readonly pins: readonly CiliumPinSpec[];
}

export interface CiliumPinSpec {
  readonly node: string;
  readonly podCIDR: Ipv4Cidr;
  /** undefined: drawn from the seed inside podCIDR. */
  readonly ciliumHostIP: Ipv4Addr | undefined;
}

export interface ManifestMetadata {
  readonly name: string;
  readonly namespace?: string;
  readonly [key: string]: JsonValue | undefined;
}

/** A Kubernetes object as kubectl apply takes it; only the envelope is typed. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ManifestMetadata;
  readonly [key: string]: JsonValue | ManifestMetadata | undefined;
}
