// Layer lab (system): Hubble UI as the cilium 1.18.0 chart renders it (templates/hubble-ui/): its
// ServiceAccount, the hubble-ui-nginx ConfigMap (the chart's nginx.conf for the base URL), the
// Deployment with the nginx frontend on 8081 and the backend on 8090 talking to hubble-relay, and the
// Service on 80 → 8081 (a NodePort when the values ask for one).

import type { GenericObject } from '../../k8s/index.js';
import type { ChartValues } from './cilium-values.js';
import { serviceAccount } from './manifest.js';

type Obj = Record<string, unknown>;

const NS = 'kube-system';
const LABELS = { 'k8s-app': 'hubble-ui', 'app.kubernetes.io/name': 'hubble-ui', 'app.kubernetes.io/part-of': 'cilium' };

/** templates/hubble-ui/_nginx.tpl rendered and trimmed as the ConfigMap holds it. */
function nginxConf(baseUrl: string, ipv6: boolean): string {
  const root = baseUrl === '/';
  const rewrite = root ? [] : [`            rewrite ^${baseUrl.replace(/\/$/, '')}(/.*)$ $1 break;`];
  return [
    'server {',
    '    listen       8081;',
    ...(ipv6 ? ['    listen       [::]:8081;'] : []),
    '    server_name  localhost;',
    '    root /app;',
    '    index index.html;',
    '    client_max_body_size 1G;',
    '',
    '    location / {',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Real-IP $remote_addr;',
    '',
    `        location ${baseUrl}api {`,
    ...rewrite,
    '            proxy_http_version 1.1;',
    '            proxy_pass_request_headers on;',
    `            proxy_pass http://127.0.0.1:8090${root ? '' : '/'};`,
    '        }',
    ...(root ? [] : ['        sub_filter_once on;', `        sub_filter '<base href="/"/>' '<base href="${baseUrl}"/>';`]),
    `        location ${baseUrl} {`,
    '            if ($http_user_agent ~* "kube-probe") { access_log off; }',
    ...rewrite,
    '            # double `/index.html` is required here',
    '            try_files $uri $uri/ /index.html /index.html;',
    '        }',
    '',
    '        # Liveness probe',
    '        location /healthz {',
    '            access_log off;',
    '            add_header Content-Type text/plain;',
    "            return 200 'ok';",
    '        }',
    '    }',
    '}',
  ].join('\n');
}

function frontend(v: ChartValues): Obj {
  return {
    name: 'frontend',
    image: v.image('hubble.ui.frontend.image'),
    imagePullPolicy: v.str('hubble.ui.frontend.image.pullPolicy'),
    ports: [{ name: 'http', containerPort: 8081 }],
    livenessProbe: { httpGet: { path: '/healthz', port: 8081 } },
    readinessProbe: { httpGet: { path: '/', port: 8081 } },
    volumeMounts: [
      { name: 'hubble-ui-nginx-conf', mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'nginx.conf' },
      { name: 'tmp-dir', mountPath: '/tmp' },
    ],
    terminationMessagePolicy: 'FallbackToLogsOnError',
    securityContext: v.json('hubble.ui.frontend.securityContext'),
  };
}

function backend(v: ChartValues): Obj {
  const tls = v.is('hubble.relay.tls.server.enabled');
  const relayEnv = tls
    ? [
        { name: 'FLOWS_API_ADDR', value: 'hubble-relay:443' },
        { name: 'TLS_TO_RELAY_ENABLED', value: 'true' },
        { name: 'TLS_RELAY_SERVER_NAME', value: v.str('hubble.relay.tls.server.relayName') },
        { name: 'TLS_RELAY_CA_CERT_FILES', value: '/var/lib/hubble-ui/certs/hubble-relay-ca.crt' },
        { name: 'TLS_RELAY_CLIENT_CERT_FILE', value: '/var/lib/hubble-ui/certs/client.crt' },
        { name: 'TLS_RELAY_CLIENT_KEY_FILE', value: '/var/lib/hubble-ui/certs/client.key' },
      ]
    : [{ name: 'FLOWS_API_ADDR', value: 'hubble-relay:80' }];
  const health = { httpGet: { path: '/healthz', port: 8090 } };
  return {
    name: 'backend',
    image: v.image('hubble.ui.backend.image'),
    imagePullPolicy: v.str('hubble.ui.backend.image.pullPolicy'),
    env: [{ name: 'EVENTS_SERVER_PORT', value: '8090' }, ...relayEnv],
    ...(v.is('hubble.ui.backend.livenessProbe.enabled') ? { livenessProbe: health } : {}),
    ...(v.is('hubble.ui.backend.readinessProbe.enabled') ? { readinessProbe: health } : {}),
    ports: [{ name: 'grpc', containerPort: 8090 }],
    ...(tls ? { volumeMounts: [{ name: 'hubble-ui-client-certs', mountPath: '/var/lib/hubble-ui/certs', readOnly: true }] } : {}),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    securityContext: v.json('hubble.ui.backend.securityContext'),
  };
}

function clientCertsVolume(): Obj {
  const items = [['tls.crt', 'client.crt'], ['tls.key', 'client.key'], ['ca.crt', 'hubble-relay-ca.crt']].map(([key, path]) => ({ key, path }));
  return { name: 'hubble-ui-client-certs', projected: { defaultMode: 0o400, sources: [{ secret: { name: 'hubble-ui-client-certs', items } }] } };
}

function uiDeployment(v: ChartValues): GenericObject {
  const optional = (key: string, path: string): Obj => (v.is(path) ? { [key]: v.json(path) } : {});
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'hubble-ui', namespace: NS, labels: LABELS },
    spec: {
      replicas: v.num('hubble.ui.replicas'),
      selector: { matchLabels: { 'k8s-app': 'hubble-ui' } },
      strategy: v.json('hubble.ui.updateStrategy'),
      template: {
        metadata: { labels: LABELS },
        spec: {
          securityContext: v.json('hubble.ui.securityContext'),
          ...optional('priorityClassName', 'hubble.ui.priorityClassName'),
          serviceAccountName: v.str('serviceAccounts.ui.name'),
          automountServiceAccountToken: v.is('serviceAccounts.ui.automount'),
          containers: [frontend(v), backend(v)],
          ...optional('affinity', 'hubble.ui.affinity'),
          ...optional('nodeSelector', 'hubble.ui.nodeSelector'),
          ...optional('tolerations', 'hubble.ui.tolerations'),
          volumes: [
            { configMap: { defaultMode: 420, name: 'hubble-ui-nginx' }, name: 'hubble-ui-nginx-conf' },
            { emptyDir: {}, name: 'tmp-dir' },
            ...(v.is('hubble.relay.tls.server.enabled') ? [clientCertsVolume()] : []),
          ],
        },
      },
    },
  };
}

function uiService(v: ChartValues): GenericObject {
  const type = v.str('hubble.ui.service.type');
  const nodePort = type === 'NodePort' && v.is('hubble.ui.service.nodePort') ? { nodePort: v.num('hubble.ui.service.nodePort') } : {};
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'hubble-ui', namespace: NS, labels: LABELS },
    spec: { type, selector: { 'k8s-app': 'hubble-ui' }, ports: [{ name: 'http', port: 80, targetPort: 8081, ...nodePort }] },
  };
}

export function hubbleUiObjects(v: ChartValues): GenericObject[] {
  return [
    ...(v.is('serviceAccounts.ui.create') ? [serviceAccount(v.str('serviceAccounts.ui.name'), NS)] : []),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hubble-ui-nginx', namespace: NS }, data: { 'nginx.conf': nginxConf(v.str('hubble.ui.baseUrl'), v.is('hubble.ui.frontend.server.ipv6.enabled')) } },
    uiDeployment(v),
    uiService(v),
  ];
}
