// Layer shell: the primary prompt. Ubuntu's bash shows `root@k8s-w1:~# ` (`$` for other users); the
// control plane's root also has kube-ps1 in front, `(⎈|HomeLab:N/A) `, naming the kubeconfig's current
// context and its namespace (N/A when unset, as kube-ps1 prints). Alpine images show `curl-pod:~# `.

import type { LabHost } from './lab-host.js';

export function promptOf(host: LabHost, user: string, cwd: string): string {
  const home = host.homeOf(user);
  const dir = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  const sign = user === 'root' ? '#' : '$';
  if (host.init.promptStyle === 'alpine') return `${host.hostname}:${dir}${sign} `;
  const base = `${user}@${host.hostname}:${dir}${sign} `;
  const kube = user === 'root' ? kubePs1(host.fs.read('/root/.kube/config')) : undefined;
  return kube === undefined ? base : `${kube}${base}`;
}

/** kube-ps1 with KUBE_PS1_SYMBOL_ENABLE and the lab's cluster function: "(⎈|CONTEXT:NAMESPACE) ". */
function kubePs1(kubeconfig: string | undefined): string | undefined {
  if (kubeconfig === undefined) return undefined;
  const context = /^current-context:\s*(\S+)/m.exec(kubeconfig)?.[1];
  if (context === undefined) return undefined;
  const namespace = contextNamespace(kubeconfig, context) ?? 'N/A';
  return `(⎈|${context.split('.')[0]}:${namespace}) `;
}

/** The `namespace:` of the named context in a kubeconfig's `contexts:` list. */
function contextNamespace(kubeconfig: string, context: string): string | undefined {
  const blocks = kubeconfig.split(/\n- context:/).slice(1);
  for (const b of blocks) {
    if (new RegExp(`\\n\\s+name: ${context.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\n|$)`).test(b)) return /\n\s+namespace:\s*(\S+)/.exec(b)?.[1];
  }
  return undefined;
}

/**
 * The prompt a fresh login shows on `host`, from the lab file alone (the CLI prints it before the lab is
 * built): kube-ps1 on the control plane, the workstation's project directory, plain root elsewhere.
 */
export function loginPromptFor(spec: { readonly kubernetes: { readonly controlPlane: string | undefined; readonly kubeconfigContext: string } }, host: string): string {
  if (host === 'workstation') return 'user@workstation:~/cilium-lab$ ';
  if (host === spec.kubernetes.controlPlane) return `(⎈|${spec.kubernetes.kubeconfigContext.split('.')[0]}:N/A) root@${host}:~# `;
  return `root@${host}:~# `;
}
