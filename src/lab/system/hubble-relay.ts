// Layer lab (system): Hubble Relay as the cilium 1.18.0 chart renders it (templates/hubble-relay/):
// its ServiceAccount (no token automount), the hubble-relay-config ConfigMap (peer service, listen
// address, TLS towards the agents), the Deployment (gRPC health probes on 4222, the client certs
// projected from hubble-relay-client-certs) and the ClusterIP Service on 80 → grpc.

import type { GenericObject } from '../../k8s/index.js';
import type { ChartValues } from './cilium-values.js';
import { serviceAccount } from './manifest.js';

type Obj = Record<string, unknown>;

const NS = 'kube-system';
const LABELS = { 'k8s-app': 'hubble-relay', 'app.kubernetes.io/name': 'hubble-relay', 'app.kubernetes.io/part-of': 'cilium' };

const peerServicePort = (v: ChartValues): number =>
  v.is('hubble.peerService.servicePort') ? v.num('hubble.peerService.servicePort') : v.is('hubble.tls.enabled') ? 443 : 80;

const serverTls = (v: ChartValues): boolean => v.is('hubble.tls.enabled') && v.is('hubble.relay.tls.server.enabled');

/** templates/hubble-relay/configmap.yaml's config.yaml, line for line (nil values render empty). */
function relayConfigYaml(v: ChartValues): string {
  const r = 'hubble.relay';
  const lines = [
    `cluster-name: ${v.str('cluster.name')}`,
    `peer-service: "hubble-peer.${NS}.svc.${v.str('hubble.peerService.clusterDomain')}.:${peerServicePort(v)}"`,
    `listen-address: ${v.str(`${r}.listenHost`)}:${v.str(`${r}.listenPort`)}`,
    `gops: ${v.is(`${r}.gops.enabled`)}`,
    `gops-port: "${v.str(`${r}.gops.port`)}"`,
  ];
  if (v.is(`${r}.pprof.enabled`)) lines.push('pprof: "true"', `pprof-address: "${v.str(`${r}.pprof.address`)}"`, `pprof-port: "${v.str(`${r}.pprof.port`)}"`);
  if (v.is(`${r}.prometheus.enabled`)) lines.push(`metrics-listen-address: ":${v.str(`${r}.prometheus.port`)}"`);
  lines.push(`retry-timeout: ${v.str(`${r}.retryTimeout`)}`, `sort-buffer-len-max: ${v.str(`${r}.sortBufferLenMax`)}`, `sort-buffer-drain-timeout: ${v.str(`${r}.sortBufferDrainTimeout`)}`);
  if (v.is('hubble.tls.enabled')) {
    lines.push(
      'tls-hubble-client-cert-file: /var/lib/hubble-relay/tls/client.crt',
      'tls-hubble-client-key-file: /var/lib/hubble-relay/tls/client.key',
      'tls-hubble-server-ca-files: /var/lib/hubble-relay/tls/hubble-server-ca.crt',
    );
  } else lines.push('disable-client-tls: true');
  // "hubble-relay.config.tls" is included with nindent, which leaves an empty line before it.
  lines.push('');
  if (serverTls(v)) {
    lines.push('tls-relay-server-cert-file: /var/lib/hubble-relay/tls/server.crt', 'tls-relay-server-key-file: /var/lib/hubble-relay/tls/server.key');
    if (v.is(`${r}.tls.server.mtls`)) lines.push('tls-relay-client-ca-files: /var/lib/hubble-relay/tls/hubble-server-ca.crt');
  } else lines.push('disable-server-tls: true');
  return `${lines.join('\n')}\n`;
}

const grpcProbe = (extra: Obj): Obj => ({ grpc: { port: 4222 }, ...extra });

function relayContainer(v: ChartValues): Obj {
  const prometheus = v.is('hubble.relay.prometheus.enabled');
  return {
    name: 'hubble-relay',
    securityContext: v.json('hubble.relay.securityContext'),
    image: v.image('hubble.relay.image'),
    imagePullPolicy: v.str('hubble.relay.image.pullPolicy'),
    command: ['hubble-relay'],
    args: ['serve', ...(v.is('debug.enabled') ? ['--debug'] : [])],
    ports: [
      { name: 'grpc', containerPort: Number(v.str('hubble.relay.listenPort')) },
      ...(prometheus ? [{ name: 'prometheus', containerPort: v.num('hubble.relay.prometheus.port'), protocol: 'TCP' }] : []),
    ],
    readinessProbe: grpcProbe({ timeoutSeconds: 3 }),
    livenessProbe: grpcProbe({ timeoutSeconds: 10, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 12 }),
    startupProbe: grpcProbe({ initialDelaySeconds: 10, failureThreshold: 20, periodSeconds: 3 }),
    volumeMounts: [
      { name: 'config', mountPath: '/etc/hubble-relay', readOnly: true },
      ...(v.is('hubble.tls.enabled') ? [{ name: 'tls', mountPath: '/var/lib/hubble-relay/tls', readOnly: true }] : []),
    ],
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
}

function tlsVolume(v: ChartValues): Obj {
  const items = (pairs: [string, string][]) => pairs.map(([key, path]) => ({ key, path }));
  const client = v.str('hubble.relay.tls.client.existingSecret') || 'hubble-relay-client-certs';
  const server = v.str('hubble.relay.tls.server.existingSecret') || 'hubble-relay-server-certs';
  return {
    name: 'tls',
    projected: {
      defaultMode: 0o400,
      sources: [
        { secret: { name: client, items: items([['tls.crt', 'client.crt'], ['tls.key', 'client.key'], ['ca.crt', 'hubble-server-ca.crt']]) } },
        ...(v.is('hubble.relay.tls.server.enabled') ? [{ secret: { name: server, items: items([['tls.crt', 'server.crt'], ['tls.key', 'server.key']]) } }] : []),
      ],
    },
  };
}

function relayDeployment(v: ChartValues): GenericObject {
  const prometheus = v.is('hubble.relay.prometheus.enabled');
  const optional = (key: string, path: string): Obj => (v.is(path) ? { [key]: v.json(path) } : {});
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'hubble-relay', namespace: NS, labels: LABELS },
    spec: {
      replicas: v.num('hubble.relay.replicas'),
      selector: { matchLabels: { 'k8s-app': 'hubble-relay' } },
      strategy: v.json('hubble.relay.updateStrategy'),
      template: {
        metadata: { ...(prometheus ? { annotations: { 'prometheus.io/port': v.str('hubble.relay.prometheus.port'), 'prometheus.io/scrape': 'true' } } : {}), labels: LABELS },
        spec: {
          securityContext: v.json('hubble.relay.podSecurityContext'),
          containers: [relayContainer(v)],
          restartPolicy: 'Always',
          ...optional('priorityClassName', 'hubble.relay.priorityClassName'),
          serviceAccountName: v.str('serviceAccounts.relay.name'),
          automountServiceAccountToken: v.is('serviceAccounts.relay.automount'),
          terminationGracePeriodSeconds: v.num('hubble.relay.terminationGracePeriodSeconds'),
          ...optional('affinity', 'hubble.relay.affinity'),
          ...optional('nodeSelector', 'hubble.relay.nodeSelector'),
          ...optional('tolerations', 'hubble.relay.tolerations'),
          volumes: [
            { name: 'config', configMap: { name: 'hubble-relay-config', items: [{ key: 'config.yaml', path: 'config.yaml' }] } },
            ...(v.is('hubble.tls.enabled') ? [tlsVolume(v)] : []),
          ],
        },
      },
    },
  };
}

function relayService(v: ChartValues): GenericObject {
  const type = v.str('hubble.relay.service.type');
  const nodePort = type === 'NodePort' && v.is('hubble.relay.service.nodePort') ? { nodePort: v.num('hubble.relay.service.nodePort') } : {};
  const port = v.is('hubble.relay.servicePort') ? v.num('hubble.relay.servicePort') : v.is('hubble.relay.tls.server.enabled') ? 443 : 80;
  const scrape = v.is('hubble.relay.prometheus.enabled') && !v.is('hubble.relay.prometheus.serviceMonitor.enabled');
  const annotations = scrape ? { annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': v.str('hubble.relay.prometheus.port') } } : {};
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'hubble-relay', namespace: NS, ...annotations, labels: LABELS },
    spec: { type, selector: { 'k8s-app': 'hubble-relay' }, ports: [{ protocol: 'TCP', port, targetPort: 'grpc', ...nodePort }] },
  };
}

export function hubbleRelayObjects(v: ChartValues): GenericObject[] {
  return [
    ...(v.is('serviceAccounts.relay.create') ? [serviceAccount(v.str('serviceAccounts.relay.name'), NS, { automountServiceAccountToken: v.is('serviceAccounts.relay.automount') })] : []),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hubble-relay-config', namespace: NS }, data: { 'config.yaml': relayConfigYaml(v) } },
    relayDeployment(v),
    relayService(v),
  ];
}
