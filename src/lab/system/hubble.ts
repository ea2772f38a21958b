// Layer lab (system): the Hubble objects of the cilium 1.18.0 chart beside the agent
// (templates/hubble/): the hubble-peer Service (443 → each node's own agent on 4244, internal traffic
// policy Local), the headless hubble-metrics Service, and the TLS Secrets `helm install` generates
// with tls.auto.method=helm (cilium-ca, hubble-server-certs, hubble-relay-client-certs), stand-in PEMs.

import { fakePem, type GenericObject } from '../../k8s/index.js';
import type { Rng } from '../../sim/index.js';
import type { ChartValues } from './cilium-values.js';

const NS = 'kube-system';

function annotated(v: ChartValues, extra: Record<string, string> = {}): Record<string, unknown> {
  const annotations = { ...(v.json('hubble.annotations') as Record<string, string>), ...extra };
  return Object.keys(annotations).length > 0 ? { annotations } : {};
}

export function hubblePeerService(v: ChartValues): GenericObject {
  const port = v.is('hubble.peerService.servicePort') ? v.num('hubble.peerService.servicePort') : v.is('hubble.tls.enabled') ? 443 : 80;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'hubble-peer', namespace: NS, ...annotated(v), labels: { 'k8s-app': 'cilium', 'app.kubernetes.io/part-of': 'cilium', 'app.kubernetes.io/name': 'hubble-peer' } },
    spec: {
      selector: { 'k8s-app': 'cilium' },
      ports: [{ name: 'peer-service', port, protocol: 'TCP', targetPort: v.num('hubble.peerService.targetPort') }],
      internalTrafficPolicy: 'Local',
    },
  };
}

export function hubbleMetricsService(v: ChartValues): GenericObject {
  const scrape = v.is('hubble.metrics.serviceMonitor.enabled') ? {} : { 'prometheus.io/scrape': 'true', 'prometheus.io/port': v.str('hubble.metrics.port') };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'hubble-metrics', namespace: NS, labels: { 'k8s-app': 'hubble', 'app.kubernetes.io/name': 'hubble', 'app.kubernetes.io/part-of': 'cilium' }, ...annotated(v, scrape) },
    spec: {
      clusterIP: 'None',
      type: 'ClusterIP',
      ports: [{ name: 'hubble-metrics', port: v.num('hubble.metrics.port'), protocol: 'TCP', targetPort: 'hubble-metrics' }],
      selector: { 'k8s-app': 'cilium' },
    },
  };
}

/** About the DER sizes of Helm's genCA/genSignedCert output: RSA-2048 certificates and PKCS#1 keys. */
const CA_DER = 805;
const CERT_DER = 860;
const KEY_DER = 1192;

/**
 * The secrets of the helm TLS method (templates/hubble/tls-helm/): the CA, then the certificates it
 * signs for the agents' server, relay's client and, with relay server TLS, relay's server and the UI's client.
 */
export function hubbleTlsSecrets(v: ChartValues, rng: Rng): GenericObject[] {
  if (!v.is('hubble.tls.enabled') || !v.is('hubble.tls.auto.enabled') || v.str('hubble.tls.auto.method') !== 'helm') return [];
  const ca = { crt: fakePem(rng, 'CERTIFICATE', CA_DER), key: fakePem(rng, 'RSA PRIVATE KEY', KEY_DER) };
  const signed = (name: string): GenericObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: NS, ...annotated(v) },
    type: 'kubernetes.io/tls',
    data: { 'ca.crt': btoa(ca.crt), 'tls.crt': btoa(fakePem(rng, 'CERTIFICATE', CERT_DER)), 'tls.key': btoa(fakePem(rng, 'RSA PRIVATE KEY', KEY_DER)) },
  });
  const relay = v.is('hubble.relay.enabled');
  const relayServer = relay && v.is('hubble.relay.tls.server.enabled');
  return [
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cilium-ca', namespace: NS }, data: { 'ca.crt': btoa(ca.crt), 'ca.key': btoa(ca.key) } },
    signed('hubble-server-certs'),
    ...(relay ? [signed('hubble-relay-client-certs')] : []),
    ...(relayServer ? [signed('hubble-relay-server-certs')] : []),
    ...(relayServer && v.is('hubble.ui.enabled') ? [signed('hubble-ui-client-certs')] : []),
  ];
}
