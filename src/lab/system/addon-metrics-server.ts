// Layer lab (system): `helm upgrade --install metrics-server metrics-server/metrics-server
// --set 'args[0]=--kubelet-insecure-tls' -n kube-system` (chart 3.13.0, metrics-server v0.8.0): the
// ServiceAccount, the Service on 443 → https and the Deployment with the chart's default args, probes,
// restricted securityContext and requests, and the release record Helm's storage driver writes first
// (revision 1, with the chart's NOTES.txt rendered). RBAC and the APIService are not modelled.

import { releaseSecret } from '../../cilium/chart/index.js';
import type { GenericObject } from '../../k8s/index.js';
import { helmInstallOrder, helmOwned } from './manifest.js';

const NS = 'kube-system';
const NAME = 'metrics-server';
const CHART_VERSION = '3.13.0';
const APP_VERSION = '0.8.0';
const USER_ARGS = ['--kubelet-insecure-tls'];
const PORT = 10250;
const IMAGE = `registry.k8s.io/metrics-server/metrics-server:v${APP_VERSION}`;

const SELECTOR = { 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/instance': NAME };
/** "metrics-server.labels" (managed-by is added with the release metadata). */
const LABELS = { 'helm.sh/chart': `${NAME}-${CHART_VERSION}`, ...SELECTOR, 'app.kubernetes.io/version': APP_VERSION };

/** The chart's values.yaml defaults the Deployment reads. */
const DEFAULT_ARGS = ['--cert-dir=/tmp', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s'];
const probe = (path: string, initialDelaySeconds: number) => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, initialDelaySeconds, periodSeconds: 10, failureThreshold: 3 });

function deployment(): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NAME, namespace: NS, labels: LABELS },
    spec: {
      replicas: 1,
      selector: { matchLabels: SELECTOR },
      template: {
        metadata: { labels: SELECTOR },
        spec: {
          serviceAccountName: NAME,
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: NAME,
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 1000,
                seccompProfile: { type: 'RuntimeDefault' },
                capabilities: { drop: ['ALL'] },
              },
              image: IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: [`--secure-port=${PORT}`, ...DEFAULT_ARGS, ...USER_ARGS],
              ports: [{ name: 'https', protocol: 'TCP', containerPort: PORT }],
              livenessProbe: probe('/livez', 0),
              readinessProbe: probe('/readyz', 20),
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              resources: { requests: { cpu: '100m', memory: '200Mi' } },
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

/** The release's objects in creation order. */
const STARS = '*'.repeat(71);

/** templates/NOTES.txt of the chart, rendered. */
function notes(): string {
  return [STARS, `* ${'Metrics Server'.padEnd(67)} *`, STARS, `  Chart version: ${CHART_VERSION}`, `  App version:   ${APP_VERSION}`, `  Image tag:     ${IMAGE}`, STARS, ''].join('\n');
}

/** Revision 1 of the release, deployed at `installedMs` (wall clock). */
function releaseRecord(installedMs: number): GenericObject {
  const rel = {
    name: NAME,
    namespace: NS,
    version: 1,
    status: 'deployed' as const,
    firstDeployedMs: installedMs,
    lastDeployedMs: installedMs,
    description: 'Install complete',
    notes: notes(),
    chartName: NAME,
    chartVersion: CHART_VERSION,
    appVersion: APP_VERSION,
    config: { args: USER_ARGS },
  };
  return releaseSecret(rel) as unknown as GenericObject;
}

export function metricsServerObjects(installedMs: number): GenericObject[] {
  const chart: GenericObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: NAME, namespace: NS, labels: LABELS } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: NAME, namespace: NS, labels: LABELS },
      spec: { type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' }], selector: SELECTOR },
    },
    deployment(),
  ];
  return [releaseRecord(installedMs), ...helmInstallOrder(chart).map((o) => helmOwned(o, { name: NAME, namespace: NS }))];
}
