// Layer cilium (chart): the Hubble keys of templates/cilium-configmap.yaml (socket, metrics server and the
// metrics list, policy correlation, redaction, flow export, listen address and TLS, drop events).

import type { ConfigMapDefaults } from './cilium-configmap.js';
import { goString, join, truthy, type Values } from './template-context.js';

type Set = (k: string, val: string) => void;

export function hubbleSection(v: Values, _d: ConfigMapDefaults, set: Set): void {
  set('enable-hubble', v.str('hubble.enabled'));
  if (!v.is('hubble.enabled')) return;
  set('hubble-socket-path', v.str('hubble.socketPath'));
  if (v.has('hubble', 'eventQueueSize')) set('hubble-event-queue-size', v.str('hubble.eventQueueSize'));
  if (v.has('hubble', 'eventBufferCapacity')) set('hubble-event-buffer-capacity', v.str('hubble.eventBufferCapacity'));
  if (v.is('hubble.metrics.enabled') || v.is('hubble.metrics.dynamic.enabled')) {
    set('hubble-metrics-server', `:${goString(v.get('hubble.metrics.port'))}`);
    set('hubble-metrics-server-enable-tls', goString(v.get('hubble.metrics.tls.enabled')));
    if (v.is('hubble.metrics.tls.enabled')) {
      set('hubble-metrics-server-tls-cert-file', '/var/lib/cilium/tls/hubble-metrics/server.crt');
      set('hubble-metrics-server-tls-key-file', '/var/lib/cilium/tls/hubble-metrics/server.key');
      if (v.is('hubble.metrics.tls.server.mtls.enabled')) set('hubble-metrics-server-tls-client-ca-files', '/var/lib/cilium/tls/hubble-metrics/client-ca.crt');
    }
    set('enable-hubble-open-metrics', v.str('hubble.metrics.enableOpenMetrics'));
  }
  const list = v.get('hubble.metrics.enabled');
  if (truthy(list) && Array.isArray(list)) set('hubble-metrics', list.map((m) => goString(m)).join(' '));
  if (v.is('hubble.metrics.dynamic.enabled')) set('hubble-dynamic-metrics-config-path', '/dynamic-metrics-config/dynamic-metrics.yaml');
  if (v.has('hubble.networkPolicyCorrelation', 'enabled')) set('hubble-network-policy-correlation-enabled', v.str('hubble.networkPolicyCorrelation.enabled'));
  redact(v, set);
  exporter(v, set);
  if (v.has('hubble', 'listenAddress')) {
    set('hubble-listen-address', v.str('hubble.listenAddress'));
    if (v.is('hubble.tls.enabled')) {
      set('hubble-disable-tls', 'false');
      set('hubble-tls-cert-file', '/var/lib/cilium/tls/hubble/server.crt');
      set('hubble-tls-key-file', '/var/lib/cilium/tls/hubble/server.key');
      set('hubble-tls-client-ca-files', '/var/lib/cilium/tls/hubble/client-ca.crt');
    } else {
      set('hubble-disable-tls', 'true');
    }
  }
  if (v.is('hubble.dropEventEmitter.enabled')) {
    set('hubble-drop-events', 'true');
    set('hubble-drop-events-interval', v.str('hubble.dropEventEmitter.interval'));
    set('hubble-drop-events-reasons', join(' ', v.get('hubble.dropEventEmitter.reasons')));
  }
  if (v.get('hubble.preferIpv6') === true || v.get('ipv4.enabled') === false) set('hubble-prefer-ipv6', 'true');
  if (!v.isNil('hubble.skipUnknownCGroupIDs')) set('hubble-skip-unknown-cgroup-ids', v.str('hubble.skipUnknownCGroupIDs'));
}

function redact(v: Values, set: Set): void {
  if (!v.is('hubble.redact') || v.get('hubble.redact.enabled') !== true) return;
  set('hubble-redact-enabled', 'true');
  if (v.is('hubble.redact.http')) {
    set('hubble-redact-http-urlquery', v.str('hubble.redact.http.urlQuery'));
    set('hubble-redact-http-userinfo', v.str('hubble.redact.http.userInfo'));
    if (v.is('hubble.redact.http.headers')) {
      const fold = (p: string) => ((v.get(p) as readonly unknown[] | undefined) ?? []).map((x) => String(x)).join(' ');
      if (v.is('hubble.redact.http.headers.allow')) set('hubble-redact-http-headers-allow', fold('hubble.redact.http.headers.allow'));
      if (v.is('hubble.redact.http.headers.deny')) set('hubble-redact-http-headers-deny', fold('hubble.redact.http.headers.deny'));
    }
  }
  if (v.is('hubble.redact.kafka')) set('hubble-redact-kafka-apikey', v.str('hubble.redact.kafka.apiKey'));
}

function exporter(v: Values, set: Set): void {
  if (!v.is('hubble.export')) return;
  const either = (legacy: string, now: string) => (v.is(legacy) ? v.str(legacy) : v.str(now));
  if (v.is('hubble.export.static.enabled')) {
    set('hubble-export-file-max-size-mb', either('hubble.export.fileMaxSizeMb', 'hubble.export.static.fileMaxSizeMb'));
    set('hubble-export-file-max-backups', either('hubble.export.fileMaxBackups', 'hubble.export.static.fileMaxBackups'));
    set('hubble-export-file-compress', either('hubble.export.fileCompress', 'hubble.export.static.fileCompress'));
    set('hubble-export-file-path', v.str('hubble.export.static.filePath'));
    set('hubble-export-fieldmask', join(' ', v.get('hubble.export.static.fieldMask')));
    set('hubble-export-allowlist', join(' ', v.get('hubble.export.static.allowList')));
    set('hubble-export-denylist', join(' ', v.get('hubble.export.static.denyList')));
  }
  if (v.is('hubble.export.dynamic.enabled')) set('hubble-flowlogs-config-path', '/flowlog-config/flowlogs.yaml');
}
