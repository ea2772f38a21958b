// Layer tools (kubectl): the kubeconfig (client-go clientcmd's v1 Config) of the host kubectl runs on. It is
// the file $KUBECONFIG or ~/.kube/config; on the control-plane host, which kubeadm set up, a missing file
// means the admin.conf that `kubeadm init` wrote (context renamed as the lab file says). Other hosts have none.

import YAML from 'yaml';
import type { Lab } from '../../../lab/index.js';
import type { Process } from '../../process.js';
import { goYaml } from '../text/go-yaml.js';

export interface NamedContext {
  readonly name: string;
  readonly context: { cluster: string; user: string; namespace?: string };
}

export interface Kubeconfig {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data'?: string } }[];
  contexts: NamedContext[];
  'current-context': string;
  preferences: Record<string, never>;
  users: { name: string; user: Record<string, string> }[];
}

/** Where the kubeconfig lives for this process. */
export function kubeconfigPath(p: Process): string {
  const env = p.env.get('KUBECONFIG');
  if (env) return env.split(':')[0] ?? env;
  return `${p.env.get('HOME') ?? '/root'}/.kube/config`;
}

/** The host's kubeconfig, or undefined when it has none. */
export function loadKubeconfig(p: Process): Kubeconfig | undefined {
  const text = p.host.readFile(kubeconfigPath(p));
  if (text !== undefined) return normalize(YAML.parse(text) as Partial<Kubeconfig> | null);
  if (p.host.kind === 'vm' && p.host.name === p.lab.spec.kubernetes.controlPlane && !p.env.has('KUBECONFIG')) return adminConf(p.lab);
  return undefined;
}

export function saveKubeconfig(p: Process, cfg: Kubeconfig): void {
  p.host.writeFile(kubeconfigPath(p), goYaml(cfg));
}

function normalize(c: Partial<Kubeconfig> | null): Kubeconfig {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: c?.clusters ?? [],
    contexts: c?.contexts ?? [],
    'current-context': c?.['current-context'] ?? '',
    preferences: {},
    users: c?.users ?? [],
  };
}

/** kubeadm's admin.conf: cluster "kubernetes" at the first control-plane endpoint, user kubernetes-admin. */
function adminConf(lab: Lab): Kubeconfig {
  const svc = lab.k8s.api.tryGet('Endpoints', 'default', 'kubernetes');
  const addr = svc?.subsets?.[0]?.addresses?.[0]?.ip ?? '127.0.0.1';
  const port = svc?.subsets?.[0]?.ports?.[0]?.port ?? 6443;
  const ca = lab.k8s.api.tryGet('ConfigMap', 'kube-system', 'kube-root-ca.crt')?.data?.['ca.crt'] ?? '';
  const name = lab.spec.kubernetes.kubeconfigContext;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': base64(ca), server: `https://${addr}:${port}` } }],
    contexts: [{ name, context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': name,
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: {} }],
  };
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The context kubectl uses (--context overrides current-context). */
export function currentContext(cfg: Kubeconfig, override: string): NamedContext | undefined {
  const name = override || cfg['current-context'];
  return cfg.contexts.find((c) => c.name === name);
}
