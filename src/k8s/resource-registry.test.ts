// The kind registry as kubectl's RESTMapper sees it: names, short names, qualified names,
// categories, scope, and CRDs registered later.

import { describe, expect, it } from 'vitest';
import { BUILTIN_RESOURCES, CILIUM_RESOURCES } from './builtin-resources.js';
import { ResourceRegistry, apiVersionOf, groupKindOf, groupResourceOf } from './resource-registry.js';

const reg = new ResourceRegistry([...BUILTIN_RESOURCES, ...CILIUM_RESOURCES]);

describe('resource resolution', () => {
  it.each([
    ['po', 'Pod'], ['pods', 'Pod'], ['pod', 'Pod'], ['Pod', 'Pod'],
    ['no', 'Node'], ['deploy', 'Deployment'], ['deployments.apps', 'Deployment'], ['deploy.v1.apps', 'Deployment'],
    ['rs', 'ReplicaSet'], ['ds', 'DaemonSet'], ['svc', 'Service'], ['ep', 'Endpoints'], ['endpoints', 'Endpoints'],
    ['endpointslices', 'EndpointSlice'], ['endpointslices.discovery.k8s.io', 'EndpointSlice'], ['cm', 'ConfigMap'], ['ns', 'Namespace'],
    ['sa', 'ServiceAccount'], ['ev', 'Event'], ['leases', 'Lease'],
    ['cn', 'CiliumNode'], ['ciliumn', 'CiliumNode'], ['ciliumnodes', 'CiliumNode'], ['cep', 'CiliumEndpoint'], ['ciliumep', 'CiliumEndpoint'],
    ['ciliumendpoints.cilium.io', 'CiliumEndpoint'], ['ciliumid', 'CiliumIdentity'],
  ])('%s → %s', (name, kind) => {
    expect(reg.resolve(name)?.kind).toBe(kind);
  });
  it('does not resolve unknown names or wrong groups', () => {
    expect(reg.resolve('foo')).toBeUndefined();
    expect(reg.resolve('pods.apps')).toBeUndefined();
  });
  it('names resources the way apiserver errors do', () => {
    const d = reg.byKind('Deployment');
    const p = reg.byKind('Pod');
    expect(d && [apiVersionOf(d), groupResourceOf(d), groupKindOf(d)]).toEqual(['apps/v1', 'deployments.apps', 'Deployment.apps']);
    expect(p && [apiVersionOf(p), groupResourceOf(p), groupKindOf(p)]).toEqual(['v1', 'pods', 'Pod']);
  });
  it('lists the `all` category in discovery order', () => {
    expect(reg.inCategory('all').map((r) => r.plural)).toEqual(['pods', 'services', 'daemonsets', 'deployments', 'replicasets']);
  });
  it('accepts new CRDs', () => {
    const r = new ResourceRegistry([...BUILTIN_RESOURCES]);
    r.register({ group: 'cilium.io', version: 'v2', kind: 'CiliumLoadBalancerIPPool', plural: 'ciliumloadbalancerippools', shortNames: ['ippools', 'ippool', 'lbippool', 'lbippools'], namespaced: false, isCrd: true });
    expect(r.resolve('ippools')?.kind).toBe('CiliumLoadBalancerIPPool');
    expect(r.byKind('CiliumLoadBalancerIPPool')?.hasGeneration).toBe(true);
  });
});
