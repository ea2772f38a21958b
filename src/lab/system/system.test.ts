// The system workloads of the default lab after its history: kubeadm's control-plane mirror pods, CoreDNS
// and kube-proxy, the cilium 1.18.0 release (agent with its init containers, Envoy, operator, Hubble) and
// the add-ons, all Running with addresses from their node (host network) or its PodCIDR.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../lab.js';
import { buildLab } from '../build-lab.js';
import { loadDefaultLab } from '../lab-file/index.js';

const POD_CIDR: Record<string, string> = { 'k8s-ctr': '172.20.0.', 'k8s-w0': '172.20.1.', 'k8s-w1': '172.20.2.' };
const NODE_IP: Record<string, string> = { 'k8s-ctr': '192.168.10.100', 'k8s-w0': '192.168.20.100', 'k8s-w1': '192.168.10.101' };

let lab: Lab;
beforeAll(() => {
  lab = buildLab(loadDefaultLab());
});

describe('kubeadm', () => {
  it('mirrors the control-plane static pods of k8s-ctr, owned by the Node', () => {
    const api = lab.k8s.api;
    const cp = api.list('Pod', { namespace: 'kube-system', labelSelector: 'tier=control-plane' });
    expect(cp.map((p) => p.metadata.name)).toEqual(['etcd-k8s-ctr', 'kube-apiserver-k8s-ctr', 'kube-controller-manager-k8s-ctr', 'kube-scheduler-k8s-ctr']);
    const node = api.get('Node', undefined, 'k8s-ctr');
    for (const p of cp) {
      const a = p.metadata.annotations ?? {};
      expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
      expect(a['kubernetes.io/config.source']).toBe('file');
      expect(a['kubernetes.io/config.seen']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+09:00$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'k8s-ctr', uid: node.metadata.uid, controller: true }]);
      expect(p.spec.priority).toBe(2000001000);
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.podIP).toBe('192.168.10.100');
    }
  });

  it('runs CoreDNS behind kube-dns on the tenth service address', () => {
    const api = lab.k8s.api;
    expect(api.get('Service', 'kube-system', 'kube-dns').spec.clusterIP).toBe('10.96.0.10');
    const dns = api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' });
    expect(dns).toHaveLength(2);
    expect(dns.every((p) => p.status?.phase === 'Running' && p.spec.priority === 2000000000)).toBe(true);
    const ep = api.get('Endpoints', 'kube-system', 'kube-dns');
    expect(ep.subsets?.[0]?.addresses).toHaveLength(2);
    expect(ep.subsets?.[0]?.ports?.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol ?? ''}`).sort()).toEqual(['dns-tcp/53/TCP', 'dns/53/UDP', 'metrics/9153/TCP']);
    expect(api.get('ConfigMap', 'kube-system', 'coredns').data?.['Corefile']).toContain('kubernetes cluster.local in-addr.arpa ip6.arpa {');
  });

  it('runs kube-proxy on every node unless the lab file disables it', () => {
    expect(lab.k8s.api.get('DaemonSet', 'kube-system', 'kube-proxy').status?.numberReady).toBe(3);
    const spec = loadDefaultLab();
    const without = buildLab({ ...spec, kubernetes: { ...spec.kubernetes, proxy: { ...spec.kubernetes.proxy, disabled: true } } });
    expect(without.k8s.api.tryGet('DaemonSet', 'kube-system', 'kube-proxy')).toBeUndefined();
    expect(without.k8s.api.tryGet('ConfigMap', 'kube-system', 'kube-proxy')).toBeUndefined();
  });
});

describe('cilium 1.18.0', () => {
  it('runs the agent on every node: six init containers completed, then cilium-agent ready', () => {
    const agents = lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' });
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual(['k8s-ctr', 'k8s-w0', 'k8s-w1']);
    for (const p of agents) {
      expect(p.status?.initContainerStatuses?.map((c) => `${c.name}:${c.state?.terminated?.reason ?? ''}`)).toEqual([
        'config:Completed', 'mount-cgroup:Completed', 'apply-sysctl-overwrites:Completed', 'mount-bpf-fs:Completed', 'clean-cilium-state:Completed', 'install-cni-binaries:Completed',
      ]);
      expect(p.status?.containerStatuses?.map((c) => [c.name, c.ready])).toEqual([['cilium-agent', true]]);
      expect(p.spec.containers[0]?.image).toBe('quay.io/cilium/cilium:v1.18.0@sha256:dfea023972d06ec183cfa3c9e7809716f85daaff042e573ef366e9ec6a0c0ab2');
      expect(p.status?.podIP).toBe(NODE_IP[p.spec.nodeName ?? '']);
    }
  });

  it('creates the chart workloads of the release, owned by Helm', () => {
    const api = lab.k8s.api;
    const names = (kind: 'Deployment' | 'DaemonSet') => api.list(kind, { namespace: 'kube-system' }).map((o) => o.metadata.name);
    expect(names('DaemonSet')).toEqual(['cilium', 'cilium-envoy', 'kube-proxy']);
    expect(names('Deployment')).toEqual(['cilium-operator', 'coredns', 'hubble-relay', 'hubble-ui', 'metrics-server']);
    expect(api.get('Deployment', 'kube-system', 'cilium-operator').spec.replicas).toBe(1);
    const ds = api.get('DaemonSet', 'kube-system', 'cilium');
    expect(ds.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('Helm');
    expect(ds.metadata.annotations?.['meta.helm.sh/release-name']).toBe('cilium');
    expect(api.get('DaemonSet', 'kube-system', 'cilium-envoy').status?.numberReady).toBe(3);
  });

  it('exposes Hubble: the peer service per node, relay on 80, the UI on node port 30003', () => {
    const api = lab.k8s.api;
    const peer = api.get('Service', 'kube-system', 'hubble-peer');
    expect([peer.spec.ports?.[0]?.port, peer.spec.ports?.[0]?.targetPort, peer.spec.internalTrafficPolicy]).toEqual([443, 4244, 'Local']);
    expect(api.get('Service', 'kube-system', 'hubble-relay').spec.ports?.[0]?.port).toBe(80);
    const ui = api.get('Service', 'kube-system', 'hubble-ui');
    expect([ui.spec.type, ui.spec.ports?.[0]?.nodePort]).toEqual(['NodePort', 30003]);
    expect(api.get('ConfigMap', 'kube-system', 'hubble-relay-config').data?.['config.yaml']).toContain('peer-service: "hubble-peer.kube-system.svc.cluster.local.:443"\n');
    expect(api.get('ConfigMap', 'kube-system', 'hubble-ui-nginx').data?.['nginx.conf']).toMatch(/^server \{\n {4}listen {7}8081;\n/);
    expect(api.get('Secret', 'kube-system', 'hubble-server-certs').type).toBe('kubernetes.io/tls');
  });
});

describe('add-ons and addresses', () => {
  it('installs local-path-provisioner with the default StorageClass, and Prometheus/Grafana on node ports', () => {
    const api = lab.k8s.api;
    const sc = api.get('StorageClass', undefined, 'local-path');
    expect(sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
    expect(api.list('Pod', { namespace: 'local-path-storage' }).map((p) => p.status?.phase)).toEqual(['Running']);
    expect(api.get('Service', 'cilium-monitoring', 'prometheus').spec.ports?.[0]?.nodePort).toBe(30001);
    expect(api.get('Service', 'cilium-monitoring', 'grafana').spec.ports?.[0]?.nodePort).toBe(30002);
  });

  it('runs every system pod with an address from its node or its PodCIDR, and no pod creation failed', () => {
    const pods = lab.k8s.api.list('Pod');
    expect(pods.length).toBeGreaterThanOrEqual(22);
    for (const p of pods) {
      const node = p.spec.nodeName ?? '';
      expect(p.status?.phase, p.metadata.name).toBe('Running');
      if (p.spec.hostNetwork) expect(p.status?.podIP).toBe(NODE_IP[node]);
      else expect(p.status?.podIP?.startsWith(POD_CIDR[node] ?? '-'), `${p.metadata.name} ${p.status?.podIP ?? ''}`).toBe(true);
    }
    expect(lab.k8s.api.list('Event').filter((e) => e.reason === 'FailedCreate')).toEqual([]);
  });
});
