// Layer lab (lab file): `hosts[]`: one Linux machine (a Vagrant VM): its role, size, OS and kernel,
// devices, netplan static routes, sysctls, extra /etc/hosts lines and the services it runs.
// Routes are netplan's `routes: [{to, via}]`; the kernel shows them as "<to> via <via> dev <dev> proto static".

import { z } from 'zod';
import { hostName, ifName, ipv4Address, routeDestination } from './fields.js';
import { interfaceSchema } from './interface-schema.js';
import { DEFAULT_KERNEL_RELEASE } from './kernel-defaults.js';
import { sysctlValue } from './sysctl-keys.js';

export const HOST_ROLES = ['node', 'router', 'host'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

export const DEFAULT_OS = 'Ubuntu 24.04.2 LTS';

export const routeSchema = z
  .strictObject({
    to: routeDestination.describe('Destination prefix ("192.168.20.0/24"), a bare address for a /32, or "default".'),
    via: ipv4Address.describe('Gateway; must be inside a subnet directly connected to this host (unless onlink).'),
    dev: ifName.optional().describe('Output device; default: the interface whose subnet holds `via`.'),
    metric: z.int().min(0).max(4294967295).default(0).describe('Route metric (priority). Default 0, which `ip route` does not print.'),
    onlink: z.boolean().default(false).describe('iproute2 `onlink`: trust that `via` is on the link of `dev` even outside its subnet (needs dev).'),
  })
  .describe('A static route (netplan routes:, installed with proto static).');

const kernelConfigValue = z.union([z.string(), z.number()]).transform((v) => String(v));

export const kernelSchema = z
  .strictObject({
    release: z.string().regex(/^[0-9]+\.[0-9]+\.[0-9]+\S*$/, { error: (i) => `"${String(i.input)}" is not a kernel release like 6.8.0-53-generic` }).default(DEFAULT_KERNEL_RELEASE).describe('`uname -r`. Default 6.8.0-53-generic.'),
    modules: z.array(z.string().regex(/^[a-z0-9_-]+$/, { error: (i) => `"${String(i.input)}" is not a module name` })).default([]).describe('Modules loaded at boot by provisioning (modprobe), e.g. br_netfilter, overlay, dummy. `lsmod` shows these plus their dependencies.'),
    config: z
      .record(z.string().regex(/^CONFIG_[A-Z0-9_]+$/, { error: (i) => `"${String(i.input)}" is not a kernel config option (CONFIG_NAME)` }), kernelConfigValue)
      .default({})
      .describe('Kernel build options merged over the defaults (/boot/config-<release>): y (built in), m (module), n (not set) or a value.'),
  })
  .describe('Kernel of the host.');

export const etcHostsLine = z.string().transform((s, ctx) => {
  const [address = '', ...names] = s.trim().split(/\s+/);
  const parsed = ipv4Address.safeParse(address);
  if (!parsed.success || names.length === 0) {
    ctx.issues.push({ code: 'custom', input: s, params: { code: 'invalid-value' }, message: `"${s}" is not an /etc/hosts line ("<IPv4 address> <name> [<alias>...]")` });
    return z.NEVER;
  }
  return { address: parsed.data, names };
});

export const serviceSchema = z
  .strictObject({
    name: z.literal('apache2', { error: (i) => `"${String(i.input)}" is not a service ciliumlab runs (supported: apache2)` }).describe('The systemd service: apache2 (HTTP on `port`, serving `index`).'),
    port: z.int().min(1).max(65535).default(80).describe('TCP port it listens on, on every address of the host. Default 80.'),
    index: z.string().default('').describe('Body of GET / (/var/www/html/index.html).'),
  })
  .describe('A service listening on the host.');

export const hostSchema = z
  .strictObject({
    name: hostName.describe('Hostname and, for nodes, the Kubernetes node name (an RFC 1123 label).'),
    role: z.enum(HOST_ROLES).default('host').describe('node (a Kubernetes node: kubelet, containerd, cilium-agent), router, or host (a plain Linux machine). Default host.'),
    cpus: z.int().min(1).max(256).default(2).describe('vCPUs (Vagrant vb.cpus). Default 2.'),
    memoryMiB: z.int().min(64).max(1048576).default(2048).describe('RAM in MiB (Vagrant vb.memory). Default 2048.'),
    os: z.string().min(1).default(DEFAULT_OS).describe('PRETTY_NAME of /etc/os-release (kubectl OS-IMAGE). Default "Ubuntu 24.04.2 LTS".'),
    kernel: kernelSchema.prefault({}),
    interfaces: z.array(interfaceSchema).default([]).describe('Network devices in creation order (ifindex 2, 3, ...; lo is always ifindex 1).'),
    routes: z.array(routeSchema).default([]).describe('Static routes (proto static), in netplan order.'),
    sysctl: z.record(z.string(), sysctlValue).default({}).describe('sysctl settings, e.g. { net.ipv4.ip_forward: 1 }. Kernel defaults apply to the rest (ip_forward=0).'),
    etcHosts: z.array(etcHostsLine).default([]).describe('Lines appended to /etc/hosts, e.g. "192.168.10.200 router".'),
    services: z.array(serviceSchema).default([]).describe('Services running on the host (router.sh installs apache2).'),
  })
  .describe('A machine (VM).');

