// Layer k8s: the typed view of each kind name, so `api.get('Pod', ...)` returns a Pod. Kinds not
// listed (CRDs added later) come back as GenericObject.

import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet } from './apps.js';
import type { CiliumEndpoint, CiliumIdentity, CiliumNode } from './cilium.js';
import type { ConfigMap, Endpoints, Event, Namespace, Node, Secret, Service, ServiceAccount } from './core.js';
import type { EndpointSlice, Lease } from './discovery.js';
import type { GenericObject } from './meta.js';
import type { Pod } from './pod.js';

export interface KindMap {
  Pod: Pod;
  Node: Node;
  Namespace: Namespace;
  Service: Service;
  Endpoints: Endpoints;
  ConfigMap: ConfigMap;
  Secret: Secret;
  ServiceAccount: ServiceAccount;
  Event: Event;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  DaemonSet: DaemonSet;
  ControllerRevision: ControllerRevision;
  EndpointSlice: EndpointSlice;
  Lease: Lease;
  CiliumNode: CiliumNode;
  CiliumEndpoint: CiliumEndpoint;
  CiliumIdentity: CiliumIdentity;
}

export type ObjectFor<K extends string> = K extends keyof KindMap ? KindMap[K] : GenericObject;
