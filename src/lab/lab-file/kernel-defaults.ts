// Layer lab (lab file): the kernel a host runs unless its lab file says otherwise: Ubuntu 24.04's
// 6.8.0-53-generic (the week-4 VMs, `kubectl get no -owide` KERNEL-VERSION), and the build options of
// /boot/config-6.8.0-53-generic that the emulator models (the seed greps VXLAN, GENEVE and FIB_RULES).

export const DEFAULT_KERNEL_RELEASE = '6.8.0-53-generic';

/** Options from Ubuntu's 6.8.0-53-generic config: "y" built in, "m" module (needs modprobe), "n" not set. */
export const DEFAULT_KERNEL_CONFIG = {
  CONFIG_BPF: 'y',
  CONFIG_BPF_SYSCALL: 'y',
  CONFIG_BPF_JIT: 'y',
  CONFIG_CGROUPS: 'y',
  CONFIG_CGROUP_BPF: 'y',
  CONFIG_PERF_EVENTS: 'y',
  CONFIG_NET_CLS_ACT: 'y',
  CONFIG_NET_CLS_BPF: 'm',
  CONFIG_NET_SCH_INGRESS: 'm',
  CONFIG_FIB_RULES: 'y',
  CONFIG_IP_ADVANCED_ROUTER: 'y',
  CONFIG_IP_MULTIPLE_TABLES: 'y',
  CONFIG_VXLAN: 'm',
  CONFIG_GENEVE: 'm',
  CONFIG_DUMMY: 'm',
  CONFIG_VETH: 'm',
  CONFIG_BRIDGE: 'm',
  CONFIG_BRIDGE_NETFILTER: 'm',
  CONFIG_OVERLAY_FS: 'm',
  CONFIG_WIREGUARD: 'm',
} as const satisfies Record<string, string>;
