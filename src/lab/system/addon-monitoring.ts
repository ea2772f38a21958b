// Layer lab (system): Cilium's Prometheus/Grafana example (1.18.0 examples/kubernetes/addons/prometheus/
// monitoring-example.yaml) as `kubectl apply` creates it in namespace cilium-monitoring, with the two
// Services then patched to NodePort (prometheus 9090:<n>, grafana 3000:<m>). The dashboard ConfigMaps
// the Grafana pod mounts and the RBAC objects are not modelled.

import type { GenericObject } from '../../k8s/index.js';
import { kubectlApplied, namespace } from './manifest.js';
import { GRAFANA_INI } from './monitoring-grafana-ini.js';
import { GRAFANA_DASHBOARD_PROVIDER, GRAFANA_DATASOURCE, PROMETHEUS_YAML } from './monitoring-files.js';

const NS = 'cilium-monitoring';
const DASHBOARDS = ['cilium-dashboard', 'cilium-operator-dashboard', 'hubble-dashboard', 'hubble-l7-http-metrics-by-workload'];

function grafanaDeployment(): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: 'grafana', component: 'core' }, name: 'grafana', namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'grafana' } },
      template: {
        metadata: { labels: { app: 'grafana' } },
        spec: {
          containers: [
            {
              env: [
                { name: 'GF_PATHS_CONFIG', value: '/configmap/grafana/grafana-config.ini' },
                { name: 'GF_PATHS_PROVISIONING', value: '/configmap/grafana/provisioning' },
              ],
              image: 'docker.io/grafana/grafana:9.3.6',
              imagePullPolicy: 'IfNotPresent',
              name: 'grafana-core',
              readinessProbe: { failureThreshold: 3, httpGet: { path: '/login', port: 3000, scheme: 'HTTP' } },
              volumeMounts: [
                { mountPath: '/configmap/grafana', name: 'grafana-config', readOnly: true },
                ...DASHBOARDS.map((d) => ({ mountPath: `/configmap/dashboards/${d}`, name: d, readOnly: true })),
              ],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          volumes: [
            {
              configMap: {
                defaultMode: 420,
                items: [
                  { key: 'grafana.ini', path: 'grafana-config.ini' },
                  { key: 'prometheus-datasource.yaml', path: 'provisioning/datasources/prometheus.yaml' },
                  { key: 'config.yaml', path: 'provisioning/dashboards/config.yaml' },
                ],
                name: 'grafana-config',
              },
              name: 'grafana-config',
            },
            ...DASHBOARDS.map((d) => ({ configMap: { defaultMode: 420, name: `grafana-${d}` }, name: d })),
          ],
        },
      },
    },
  };
}

function prometheusDeployment(): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: 'prometheus' }, name: 'prometheus', namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'prometheus' } },
      template: {
        metadata: { labels: { app: 'prometheus' }, name: 'prometheus-main' },
        spec: {
          containers: [
            {
              args: ['--config.file=/etc/prometheus/prometheus.yaml', '--storage.tsdb.path=/prometheus/', '--log.level=info', '--enable-feature=exemplar-storage'],
              image: 'prom/prometheus:v2.42.0',
              imagePullPolicy: 'IfNotPresent',
              name: 'prometheus',
              ports: [{ containerPort: 9090, name: 'webui', protocol: 'TCP' }],
              volumeMounts: [
                { mountPath: '/etc/prometheus', name: 'config-volume', readOnly: true },
                { mountPath: '/prometheus/', name: 'storage' },
              ],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          serviceAccount: 'prometheus-k8s',
          volumes: [
            { configMap: { name: 'prometheus' }, name: 'config-volume' },
            { emptyDir: {}, name: 'storage' },
          ],
        },
      },
    },
  };
}

/** A Service as applied (ClusterIP), then as `kubectl patch` left it: NodePort with the given node port. */
function patchedToNodePort(applied: GenericObject, nodePort: number): GenericObject {
  const svc = kubectlApplied(applied);
  const spec = svc['spec'] as { ports: Record<string, unknown>[] };
  return { ...svc, spec: { ...spec, type: 'NodePort', ports: spec.ports.map((p) => ({ ...p, nodePort })) } };
}

/** The objects in manifest order (dashboards and RBAC left out). */
export function monitoringObjects(prometheusNodePort: number, grafanaNodePort: number): GenericObject[] {
  const grafanaService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { app: 'grafana' }, name: 'grafana', namespace: NS },
    spec: { ports: [{ port: 3000, protocol: 'TCP', targetPort: 3000 }], selector: { app: 'grafana' }, type: 'ClusterIP' },
  };
  const prometheusService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { app: 'prometheus' }, name: 'prometheus', namespace: NS },
    spec: { ports: [{ name: 'webui', port: 9090, protocol: 'TCP', targetPort: 9090 }], selector: { app: 'prometheus' }, type: 'ClusterIP' },
  };
  return [
    kubectlApplied(namespace(NS)),
    kubectlApplied({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus-k8s', namespace: NS } }),
    kubectlApplied({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { labels: { app: 'grafana' }, name: 'grafana-config', namespace: NS },
      data: { 'config.yaml': GRAFANA_DASHBOARD_PROVIDER, 'grafana.ini': GRAFANA_INI, 'prometheus-datasource.yaml': GRAFANA_DATASOURCE },
    }),
    kubectlApplied({ kind: 'ConfigMap', metadata: { name: 'prometheus', namespace: NS }, apiVersion: 'v1', data: { 'prometheus.yaml': PROMETHEUS_YAML } }),
    patchedToNodePort(grafanaService, grafanaNodePort),
    patchedToNodePort(prometheusService, prometheusNodePort),
    kubectlApplied(grafanaDeployment()),
    kubectlApplied(prometheusDeployment()),
  ];
}
