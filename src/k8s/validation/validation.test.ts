// The apiserver's rejections, compared with the exact texts the real apiserver returns. Sources:
// k8s.io/apimachinery pkg/api/errors/errors.go (NewInvalid, NewNotFound, NewAlreadyExists),
// pkg/util/validation/validation.go (name rules, RegexError with its double space), pkg/apis/apps/validation
// (selector vs template), apiserver handlers' transformDecodeError; the strict-decoding text is the one
// kubectl 1.27+ prints: "Error from server (BadRequest): error when creating "deployment.yml": Deployment in
// version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"".

import { describe, expect, it } from 'vitest';
import { isK8sError, type K8sError } from '../errors.js';
import type { KubeObject } from '../objects/meta.js';
import { newLab, webpodDeployment } from '../test-fixtures.js';

function createError(obj: unknown): K8sError {
  const { cluster } = newLab();
  try {
    cluster.api.create(obj as KubeObject);
  } catch (e) {
    if (isK8sError(e)) return e;
    throw e;
  }
  throw new Error('create succeeded');
}

const deployWith = (mut: (d: Record<string, unknown> & { spec: Record<string, unknown> }) => void): unknown => {
  const d = JSON.parse(JSON.stringify(webpodDeployment())) as Record<string, unknown> & { spec: Record<string, unknown> };
  mut(d);
  return d;
};

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const pod = (spec: unknown, name = 'p'): unknown => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });

describe('validation messages', () => {
  const cases: [string, unknown, string, string][] = [
    [
      'selector does not match template labels',
      deployWith((d) => {
        (d.spec['template'] as { metadata: { labels: unknown } }).metadata.labels = { app: 'y' };
      }),
      'Invalid',
      'Deployment.apps "webpod" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    ],
    [
      'missing selector',
      deployWith((d) => {
        delete d.spec['selector'];
      }),
      'Invalid',
      'Deployment.apps "webpod" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"webpod"}: `selector` does not match template `labels`]',
    ],
    [
      'unknown field (strict field validation)',
      deployWith((d) => {
        d.spec['replica'] = 3;
      }),
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
    ],
    [
      'several unknown fields',
      deployWith((d) => {
        d.spec['replica'] = 3;
        (d['metadata'] as Record<string, unknown>)['lables'] = {};
      }),
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.lables", unknown field "spec.replica"',
    ],
    [
      'wrong type',
      deployWith((d) => {
        d.spec['replicas'] = 'three';
      }),
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'wrong type deep in a list',
      deployWith((d) => {
        const c = (d.spec['template'] as { spec: { containers: Record<string, unknown>[] } }).spec.containers[0];
        if (c) c['env'] = [{ name: 'X', value: true }];
      }),
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    ],
    ['invalid pod name', pod({ containers: [{ name: 'c', image: 'x' }] }, 'Foo'), 'Invalid', `Pod "Foo" is invalid: metadata.name: Invalid value: "Foo": ${SUBDOMAIN}`],
    ['no containers', pod({ containers: [] }), 'Invalid', 'Pod "p" is invalid: spec.containers: Required value'],
    ['no image', pod({ containers: [{ name: 'c' }] }), 'Invalid', 'Pod "p" is invalid: spec.containers[0].image: Required value'],
    [
      'bad container port',
      pod({ containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 70000 }] }] }),
      'Invalid',
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'bad restart policy',
      pod({ containers: [{ name: 'c', image: 'x' }], restartPolicy: 'Sometimes' }),
      'Invalid',
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'service name must be a DNS-1035 label',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } },
      'Invalid',
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035}`,
    ],
    ['service without ports', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { a: 'b' } } }, 'Invalid', 'Service "s" is invalid: spec.ports: Required value'],
    [
      'service with two unnamed ports',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 443 }] } },
      'Invalid',
      'Service "s" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    ],
    ['missing namespace', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'nope' } }, 'NotFound', 'namespaces "nope" not found'],
    [
      'maxUnavailable and maxSurge both zero',
      deployWith((d) => {
        d.spec['strategy'] = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } };
      }),
      'Invalid',
      'Deployment.apps "webpod" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  ];
  it.each(cases)('%s', (_name, obj, code, message) => {
    const e = createError(obj);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('carries kubectl-ready details for Invalid', () => {
    const e = createError(deployWith((d) => {
      (d.spec['template'] as { metadata: { labels: unknown } }).metadata.labels = { app: 'y' };
    }));
    expect(e.httpStatus).toBe(422);
    expect(e.details).toEqual({
      name: 'webpod',
      kind: 'Deployment',
      group: 'apps',
      causes: [{ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`' }],
    });
  });
});

describe('existence errors', () => {
  it('NotFound and AlreadyExists use the qualified resource', () => {
    const { cluster } = newLab();
    expect(() => cluster.api.get('Pod', 'default', 'foo')).toThrow('pods "foo" not found');
    cluster.api.create(webpodDeployment());
    expect(() => cluster.api.create(webpodDeployment())).toThrow('deployments.apps "webpod" already exists');
    expect(() => cluster.api.get('CiliumNode', undefined, 'x')).toThrow('ciliumnodes.cilium.io "x" not found');
  });
});
