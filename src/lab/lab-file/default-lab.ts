// Layer lab (lab file): the default lab, labs/week4.yaml embedded as text so it loads without a file
// system (the web UI). Generated from the YAML file, which stays the canonical copy; default-lab.test.ts
// fails when they differ, and UPDATE_DEFAULT_LAB=1 npx vitest run src/lab/lab-file regenerates this file.

import { loadLabFileOrThrow } from './load-lab-file.js';
import type { LabSpec } from './lab-spec.js';

export const DEFAULT_LAB_FILE_NAME = 'labs/week4.yaml';

export const DEFAULT_LAB_TEXT = `# yaml-language-server: $schema=../docs/lab-file.schema.json
# labs/week4.yaml: the default lab. Cilium study week 4 (gasida/vagrant-lab cilium-study/4w, commit 188aa9d):
# four VirtualBox VMs from bento/ubuntu-24.04 202502.21.0. k8s-ctr and k8s-w1 sit on 192.168.10.0/24,
# k8s-w0 on 192.168.20.0/24, and a router joins the two. Kubernetes v1.33.2 (kubeadm, containerd 1.7.27)
# and Cilium 1.18.0 in native routing mode with autoDirectNodeRoutes, as k8s-ctr.sh installs them.
# Field reference: docs/lab-file.md. Sources of each value: docs/lab-file.md "The default lab".
name: cilium-study-week4
description: >-
  Cilium study week 4: native routing fails across an L3 router (the router has no route to
  k8s-w0's PodCIDR), VXLAN tunnel mode fixes it at the cost of 50 bytes of MTU.
seed: 1
clock:
  start: "2025-08-03T20:37:00+09:00"   # the seed's router tcpdump runs at 20:37:18 local time
  timezone: Asia/Seoul                 # init_cfg.sh and router.sh: ln -sf /usr/share/zoneinfo/Asia/Seoul /etc/localtime

networks:                              # two separate VirtualBox host-only networks
  - name: hostonly-10
    cidr: 192.168.10.0/24
    latency: 0.4ms
  - name: hostonly-20
    cidr: 192.168.20.0/24
    latency: 0.4ms

hosts:                                 # Vagrantfile definition order = \`vagrant up\` / \`vagrant status\` order
  - name: k8s-ctr
    role: node
    cpus: 2
    memoryMiB: 2560
    kernel:
      modules: [br_netfilter, overlay]                  # init_cfg.sh: modprobe br_netfilter overlay
    interfaces:
      - { name: eth0, nat: true, altname: enp0s3 }      # 10.0.2.15/24, default via 10.0.2.2 proto dhcp metric 100
      - { name: eth1, network: hostonly-10, address: 192.168.10.100/24, mtu: 1500, altname: enp0s8 }
    routes:                                             # route-add1.sh (netplan): "<to> via <via> dev eth1 proto static"
      - { to: 192.168.20.0/24, via: 192.168.10.200 }
      - { to: 172.20.0.0/16, via: 192.168.10.200 }
      - { to: 10.10.0.0/16, via: 192.168.10.200 }
    sysctl: { net.ipv4.ip_forward: 1 }                  # init_cfg.sh: /etc/sysctl.d/k8s.conf
    etcHosts:                                           # k8s-ctr.sh appends these; workers and router get none
      - 192.168.10.100 k8s-ctr
      - 192.168.10.200 router
      - 192.168.20.100 k8s-w0
      - 192.168.10.101 k8s-w1

  - name: k8s-w1
    role: node
    cpus: 2
    memoryMiB: 1536
    kernel:
      modules: [br_netfilter, overlay]
    interfaces:
      - { name: eth0, nat: true, altname: enp0s3 }
      - { name: eth1, network: hostonly-10, address: 192.168.10.101/24, mtu: 1500, altname: enp0s8 }
    routes:                                             # route-add1.sh
      - { to: 192.168.20.0/24, via: 192.168.10.200 }
      - { to: 172.20.0.0/16, via: 192.168.10.200 }
      - { to: 10.10.0.0/16, via: 192.168.10.200 }
    sysctl: { net.ipv4.ip_forward: 1 }

  - name: router
    role: router
    cpus: 1
    memoryMiB: 768
    kernel:
      modules: [dummy]                                  # router.sh: modprobe dummy
    interfaces:
      - { name: eth0, nat: true, altname: enp0s3 }
      - { name: eth1, network: hostonly-10, address: 192.168.10.200/24, mtu: 1500, altname: enp0s8 }
      - { name: eth2, network: hostonly-20, address: 192.168.20.200/24, mtu: 1500, altname: enp0s9 }   # router.sh netplan
      - { name: loop1, type: dummy, address: 10.10.1.200/24 }   # router.sh: ip link add loop1 type dummy
      - { name: loop2, type: dummy, address: 10.10.2.200/24 }
    # no static routes: the router knows only its connected subnets and the NAT default route,
    # so pod traffic to 172.20.x.x leaves through eth0 and is lost (the fault the lab teaches)
    sysctl: { net.ipv4.ip_forward: 1 }                  # router.sh: /etc/sysctl.conf
    services:
      - { name: apache2, port: 80, index: "<h1>Web Server : router</h1>\\n" }   # echo -e "<h1>Web Server : $(hostname)</h1>"

  - name: k8s-w0
    role: node
    cpus: 2
    memoryMiB: 1536
    kernel:
      modules: [br_netfilter, overlay]
    interfaces:
      - { name: eth0, nat: true, altname: enp0s3 }
      - { name: eth1, network: hostonly-20, address: 192.168.20.100/24, mtu: 1500, altname: enp0s8 }
    routes:                                             # route-add2.sh
      - { to: 192.168.10.0/24, via: 192.168.20.200 }
      - { to: 172.20.0.0/16, via: 192.168.20.200 }
      - { to: 10.10.0.0/16, via: 192.168.20.200 }
    sysctl: { net.ipv4.ip_forward: 1 }

kubernetes:
  version: v1.33.2                      # K8SV = '1.33.2-1.1'
  containerRuntimeVersion: containerd://1.7.27
  controlPlane: k8s-ctr
  networking:                           # kubeadm-init-ctr-config.yaml
    serviceSubnet: 10.96.0.0/16         # kubernetes 10.96.0.1, kube-dns 10.96.0.10
    podSubnet: 10.244.0.0/16            # Node spec.podCIDR only; Cilium's cluster-pool IPAM ignores it
    dnsDomain: cluster.local
  proxy:
    disabled: false                     # the shared kubeadm config got proxy.disabled only on 2025-08-16, after week 4
  kubeconfigContext: HomeLab            # k8s-ctr.sh: kubectl config rename-context ... HomeLab
  removeControlPlaneTaint: true         # k8s-ctr.sh: kubectl taint nodes k8s-ctr node-role.kubernetes.io/control-plane-
  nodes:                                # the seed's first \`kubectl get no\`: AGE 59m, 41m, 97s
    k8s-ctr: { nodeIP: 192.168.10.100, joined: -59m }
    k8s-w1:  { nodeIP: 192.168.10.101, joined: -97s }   # re-created after k8s-w0, hence the third PodCIDR
    k8s-w0:  { nodeIP: 192.168.20.100, joined: -41m }
  addons:                               # k8s-ctr.sh
    - { name: metrics-server }
    - { name: local-path-provisioner, version: v0.0.31, defaultStorageClass: true }
    - { name: cilium-monitoring, prometheusNodePort: 30001, grafanaNodePort: 30002 }

cilium:
  version: 1.18.0                       # CILIUMV = '1.18.0'
  installed: -59m                       # k8s-ctr.sh installs Cilium right after kubeadm init
  values:                               # k8s-ctr.sh: helm install cilium cilium/cilium --version 1.18.0 --set ...
    k8sServiceHost: 192.168.10.100
    k8sServicePort: 6443
    ipam:
      mode: cluster-pool
      operator:
        clusterPoolIPv4PodCIDRList: ["172.20.0.0/16"]  # --set ...={"172.20.0.0/16"}: a list
    ipv4NativeRoutingCIDR: 172.20.0.0/16
    routingMode: native
    autoDirectNodeRoutes: true
    kubeProxyReplacement: true
    bpf:
      masquerade: true
    installNoConntrackIptablesRules: true
    endpointHealthChecking:
      enabled: false
    healthChecking: false
    hubble:
      enabled: true
      relay:
        enabled: true
      ui:
        enabled: true
        service:
          type: NodePort
          nodePort: 30003
      metrics:
        enableOpenMetrics: true
        enabled:                        # --set hubble.metrics.enabled="{dns,...,httpV2:...\\,...}": "\\," keeps a comma inside an item
          - dns
          - drop
          - tcp
          - flow
          - port-distribution
          - icmp
          - "httpV2:exemplars=true;labelsContext=source_ip,source_namespace,source_workload,destination_ip,destination_namespace,destination_workload,traffic_direction"
    prometheus:
      enabled: true
    operator:
      prometheus:
        enabled: true
      replicas: 1
    debug:
      enabled: true
  pins:                                 # the seed's \`kubectl get ciliumnode\` and \`ip -c route\`
    k8s-ctr: { podCIDR: 172.20.0.0/24, ciliumHostIP: 172.20.0.172 }
    k8s-w0:  { podCIDR: 172.20.1.0/24, ciliumHostIP: 172.20.1.16 }
    k8s-w1:  { podCIDR: 172.20.2.0/24, ciliumHostIP: 172.20.2.247 }

workloads: []                           # the seed applies webpod and curl-pod by hand
`;

/** The default lab (Cilium study week 4), loaded. @example loadDefaultLab().hosts.map((h) => h.name) */
export function loadDefaultLab(): LabSpec {
  return loadLabFileOrThrow(DEFAULT_LAB_TEXT, DEFAULT_LAB_FILE_NAME);
}
