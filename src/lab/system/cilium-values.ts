// Layer lab (system): the cilium 1.18.0 chart values its workload templates read (values.yaml of the
// release: images pinned by digest, probes, capabilities, affinities, service types), laid under the
// chart defaults the cilium-config port keeps (src/cilium/chart) and the release's user values, with
// the chart's image helpers ("cilium.image", "cilium.operator.image").

import { CHART_DEFAULTS, coalesceTables, coalesceValues, valueAt, type HelmValue, type HelmValues } from '../../cilium/chart/index.js';
import { deepClone } from '../../k8s/index.js';

const onLinux = { 'kubernetes.io/os': 'linux' };
const anyTaint = [{ operator: 'Exists' }];
const seLinux = { level: 's0', type: 'spc_t' };
const runtimeDefault = { type: 'RuntimeDefault' };
const probes = (startupFailures: number) => ({
  startupProbe: { failureThreshold: startupFailures, periodSeconds: 2 },
  livenessProbe: { failureThreshold: 10, periodSeconds: 30 },
  readinessProbe: { failureThreshold: 3, periodSeconds: 30 },
});
const sameNodeAs = (app: string) => [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'k8s-app': app } } }];

/** values.yaml of cilium 1.18.0 for the keys the DaemonSet/Deployment/Service templates read. */
const WORKLOAD_DEFAULTS: HelmValues = {
  image: { repository: 'quay.io/cilium/cilium', tag: 'v1.18.0', digest: 'sha256:dfea023972d06ec183cfa3c9e7809716f85daaff042e573ef366e9ec6a0c0ab2', useDigest: true, pullPolicy: 'IfNotPresent' },
  terminationGracePeriodSeconds: 1,
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } },
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sameNodeAs('cilium') } },
  nodeSelector: onLinux,
  tolerations: anyTaint,
  priorityClassName: '',
  enableCriticalPriorityClass: true,
  podSecurityContext: { appArmorProfile: { type: 'Unconfined' }, seccompProfile: { type: 'Unconfined' } },
  securityContext: {
    seLinuxOptions: seLinux,
    capabilities: {
      ciliumAgent: ['CHOWN', 'KILL', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'],
      mountCgroup: ['SYS_ADMIN', 'SYS_CHROOT', 'SYS_PTRACE'],
      applySysctlOverwrites: ['SYS_ADMIN', 'SYS_CHROOT', 'SYS_PTRACE'],
      cleanCiliumState: ['NET_ADMIN', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE'],
    },
  },
  ...probes(300),
  livenessProbe: { failureThreshold: 10, periodSeconds: 30, requireK8sConnectivity: false },
  k8sClientExponentialBackoff: { enabled: true, backoffBaseSeconds: 1, backoffMaxDurationSeconds: 120 },
  cni: { install: true, binPath: '/opt/cni/bin', confPath: '/etc/cni/net.d', resources: { requests: { cpu: '100m', memory: '10Mi' } } },
  cgroup: { autoMount: { enabled: true } },
  sysctlfix: { enabled: true },
  bpf: { autoMount: { enabled: true } },
  daemon: { runPath: '/var/run/cilium' },
  serviceAccounts: {
    cilium: { create: true, name: 'cilium', automount: true },
    envoy: { create: true, name: 'cilium-envoy', automount: true },
    operator: { create: true, name: 'cilium-operator', automount: true },
    relay: { create: true, name: 'hubble-relay', automount: false },
    ui: { create: true, name: 'hubble-ui', automount: true },
  },
  envoy: {
    image: {
      repository: 'quay.io/cilium/cilium-envoy', tag: 'v1.34.4-1753677767-266d5a01d1d55bd1d60148f991b98dac0390d363',
      digest: 'sha256:231b5bd9682dfc648ae97f33dcdc5225c5a526194dda08124f5eded833bf02bf', useDigest: true, pullPolicy: 'IfNotPresent',
    },
    terminationGracePeriodSeconds: 1,
    healthPort: 9878,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } },
    podSecurityContext: { appArmorProfile: { type: 'Unconfined' } },
    ...probes(105),
    securityContext: { privileged: false, seLinuxOptions: seLinux, capabilities: { envoy: ['NET_ADMIN', 'SYS_ADMIN'] } },
    affinity: {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sameNodeAs('cilium-envoy') },
      podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sameNodeAs('cilium') },
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cilium.io/no-schedule', operator: 'NotIn', values: ['true'] }] }] } },
    },
    nodeSelector: onLinux,
    tolerations: anyTaint,
    log: { format: '[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v' },
  },
  operator: {
    image: { repository: 'quay.io/cilium/operator', tag: 'v1.18.0', genericDigest: 'sha256:398378b4507b6e9db22be2f4455d8f8e509b189470061b0f813f0fabaf944f51', useDigest: true, pullPolicy: 'IfNotPresent', suffix: '' },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '50%' } },
    hostNetwork: true,
    podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    securityContext: { capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false },
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'io.cilium/app': 'operator' } } }] } },
    nodeSelector: onLinux,
    tolerations: ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master', 'node.kubernetes.io/not-ready'].map((key) => ({ key, operator: 'Exists' })),
  },
  hubble: {
    annotations: {},
    peerService: { targetPort: 4244, clusterDomain: 'cluster.local' },
    tls: { enabled: true, auto: { enabled: true, method: 'helm', certValidityDuration: 365 }, server: { existingSecret: '', extraDnsNames: [], extraIpAddresses: [] } },
    metrics: { serviceMonitor: { enabled: false } },
    relay: {
      image: { repository: 'quay.io/cilium/hubble-relay', tag: 'v1.18.0', digest: 'sha256:c13679f22ed250457b7f3581189d97f035608fe13c87b51f57f8a755918e793a', useDigest: true, pullPolicy: 'IfNotPresent' },
      replicas: 1,
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sameNodeAs('cilium') } },
      nodeSelector: onLinux,
      tolerations: [],
      priorityClassName: '',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      terminationGracePeriodSeconds: 1,
      podSecurityContext: { fsGroup: 65532, seccompProfile: runtimeDefault },
      securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: runtimeDefault, capabilities: { drop: ['ALL'] } },
      service: { type: 'ClusterIP', nodePort: 31234 },
      listenHost: '',
      listenPort: '4245',
      retryTimeout: null,
      sortBufferLenMax: null,
      sortBufferDrainTimeout: null,
      prometheus: { enabled: false, port: 9966, serviceMonitor: { enabled: false } },
      gops: { enabled: true, port: 9893 },
      pprof: { enabled: false, address: 'localhost', port: 6062 },
      tls: { client: { existingSecret: '' }, server: { enabled: false, mtls: false, existingSecret: '', relayName: 'ui.hubble-relay.cilium.io' } },
    },
    ui: {
      backend: {
        image: { repository: 'quay.io/cilium/hubble-ui-backend', tag: 'v0.13.2', digest: 'sha256:a034b7e98e6ea796ed26df8f4e71f83fc16465a19d166eff67a03b822c0bfa15', useDigest: true, pullPolicy: 'IfNotPresent' },
        securityContext: { allowPrivilegeEscalation: false },
        livenessProbe: { enabled: false },
        readinessProbe: { enabled: false },
      },
      frontend: {
        image: { repository: 'quay.io/cilium/hubble-ui', tag: 'v0.13.2', digest: 'sha256:9e37c1296b802830834cc87342a9182ccbb71ffebb711971e849221bd9d59392', useDigest: true, pullPolicy: 'IfNotPresent' },
        securityContext: { allowPrivilegeEscalation: false },
        server: { ipv6: { enabled: true } },
      },
      replicas: 1,
      affinity: {},
      nodeSelector: onLinux,
      tolerations: [],
      priorityClassName: '',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      securityContext: { runAsUser: 1001, runAsGroup: 1001, fsGroup: 1001 },
      service: { type: 'ClusterIP', nodePort: 31235 },
      baseUrl: '/',
    },
  },
  tls: { ca: { certValidityDuration: 1095 }, caBundle: { enabled: false, name: 'cilium-root-ca.crt', key: 'ca.crt', useSecret: false } },
};

const merged = new WeakMap<HelmValues, ChartValues>();

/** The release's effective values: user values over the chart defaults. */
export class ChartValues {
  private readonly v: HelmValues;

  private constructor(user: HelmValues) {
    this.v = coalesceValues(coalesceTables(WORKLOAD_DEFAULTS, CHART_DEFAULTS), user);
  }

  /** The effective values for a release's user values (merged once per values object, which is never edited). */
  static of(user: HelmValues): ChartValues {
    let v = merged.get(user);
    if (v === undefined) {
      v = new ChartValues(user);
      merged.set(user, v);
    }
    return v;
  }

  get(path: string): HelmValue | undefined {
    return valueAt(this.v, path);
  }

  /** Go template truthiness (`{{ if .Values.x }}`): false, 0, "", null, empty lists and maps are false. */
  is(path: string): boolean {
    const x = this.get(path);
    if (x === undefined || x === null || x === false || x === 0 || x === '') return false;
    if (Array.isArray(x)) return x.length > 0;
    if (typeof x === 'object') return Object.keys(x).length > 0;
    return true;
  }

  str(path: string): string {
    const x = this.get(path);
    return x === undefined || x === null ? '' : String(x);
  }

  num(path: string): number {
    return Number(this.get(path) ?? 0);
  }

  /** A copy of a list or table, for embedding in a manifest (`toYaml`). */
  json(path: string): unknown {
    return deepClone(this.get(path) ?? null);
  }

  /** "cilium.image": `<repository>:<tag>@<digest>` (override wins). */
  image(path: string): string {
    if (this.is(`${path}.override`)) return this.str(`${path}.override`);
    const digest = this.is(`${path}.useDigest`) && this.is(`${path}.digest`) ? `@${this.str(`${path}.digest`)}` : '';
    return `${this.str(`${path}.repository`)}:${this.str(`${path}.tag`)}${digest}`;
  }

  /** "cilium.operator.image" for the generic cloud: `<repository>-generic<suffix>:<tag>@<genericDigest>`. */
  operatorImage(): string {
    if (this.is('operator.image.override')) return this.str('operator.image.override');
    const digest = this.is('operator.image.useDigest') && this.is('operator.image.genericDigest') ? `@${this.str('operator.image.genericDigest')}` : '';
    return `${this.str('operator.image.repository')}-generic${this.str('operator.image.suffix')}:${this.str('operator.image.tag')}${digest}`;
  }

  /** "cilium.priorityClass": the value at `path`, else the critical class when enableCriticalPriorityClass. */
  priorityClass(path: string, critical: string): string {
    if (this.is(path)) return this.str(path);
    return this.is('enableCriticalPriorityClass') ? critical : '';
  }

  /** "envoyDaemonSetEnabled": L7 proxy on, and envoy.enabled unset (new installs) or true. */
  envoyDaemonSet(): boolean {
    const e = this.get('envoy.enabled');
    return this.is('l7Proxy') && (e === null || e === undefined || e === true);
  }

  /** The chart's `k8sServiceHost`/`k8sServicePort` helpers, quoted as env values. */
  apiServerEnv(): Record<string, unknown>[] {
    if (!this.is('k8sServiceHost')) return [];
    return [
      { name: 'KUBERNETES_SERVICE_HOST', value: this.str('k8sServiceHost') },
      { name: 'KUBERNETES_SERVICE_PORT', value: this.str('k8sServicePort') },
    ];
  }
}
