// Layer tools (kubectl): `kubectl cluster-info` (kubectl/pkg/cmd/clusterinfo): the control plane's URL, then
// each kube-system service labelled kubernetes.io/cluster-service=true with its apiserver proxy URL.

import type { Command } from '../cli/command.js';

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  run: async (ctx) => {
    const api = ctx.api();
    const host = ctx.server() ?? '';
    const ns = ctx.flags.string('namespace') || 'kube-system';
    let out = `Kubernetes control plane is running at ${host}\n`;
    for (const svc of api.list('Service', { namespace: ns, labelSelector: 'kubernetes.io/cluster-service=true' })) {
      const ingress = svc.status?.loadBalancer?.ingress?.[0];
      let link: string;
      if (ingress) link = (svc.spec.ports ?? []).map((p) => `http://${ingress.ip || ingress.hostname || ''}:${p.port} `).join('');
      else {
        const port = svc.spec.ports?.[0];
        let name = svc.metadata.name ?? '';
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
        }
        link = `${host}/api/v1/namespaces/${svc.metadata.namespace ?? ''}/services/${name}/proxy`;
      }
      out += `${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name || ''} is running at ${link}\n`;
    }
    ctx.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
