// Layer k8s: a deterministic, in-memory Kubernetes control plane that the rest of the emulator drives.
//
// - `ApiServer` (api/api-server.ts) stores plain JSON objects exactly as the real apiserver returns
//   them. Writes go through strict decoding (schema/), defaulting (defaulting/), admission
//   (api/pod-admission.ts, ClusterIP/NodePort allocation), validation (validation/) and a global
//   resourceVersion; errors are `K8sError`s with the real reason, HTTP code and message text.
//   `on(kind, handler)` delivers ADDED/MODIFIED/DELETED synchronously, in commit order. Stored objects
//   are deep-frozen and shared by get/list/watch (no copies): `deepClone` one to edit it, or use
//   `mutate` (copy-on-write). `dependents(kind, ownerUid)` and `byUid` are the informers' indexes.
// - `ResourceRegistry` (resource-registry.ts) is API discovery: names, short names, scope,
//   categories, field selectors and CRD printer columns; `register()` adds CRDs.
// - Controllers (controllers/) model kube-controller-manager: Deployment, ReplicaSet, DaemonSet,
//   Endpoints, EndpointSlice, garbage collector, namespace; `KubeScheduler` (scheduler/) binds pods;
//   one `Kubelet` (kubelet/) per node runs pods through the `PodRuntime` port the lab implements.
// - Everything runs on the sim `Scheduler` (virtual µs) with small delays, and all randomness comes
//   from seeded `Rng.fork` streams, so a seed gives the same names, uids, IPs and timings.
// - `Cluster` (cluster.ts) wires it all from a plain config (nodes, CIDRs, version, epoch).
// - Nothing polls: once the control plane has settled no timer is pending, so a lab can run "until
//   idle" (only failures keep timers armed: sandbox retries, rollout progress deadlines). To give objects a past (AGE 20h), start the Scheduler at a negative time, build
//   and drive the cluster there, then run up to 0; `CreateOptions.atUs` backdates single objects.

export * from './objects/json.js';
export * from './objects/meta.js';
export * from './objects/time.js';
export type * from './objects/pod.js';
export type * from './objects/core.js';
export type * from './objects/apps.js';
export type * from './objects/discovery.js';
export type * from './objects/cilium.js';
export type * from './objects/kind-map.js';

export * from './resource-registry.js';
export { BUILTIN_RESOURCES, CILIUM_RESOURCES } from './builtin-resources.js';
export * from './errors.js';

export * from './selectors/label-selector.js';
export * from './selectors/field-selector.js';
export { mergePatch, createMergePatch } from './patch/json-merge-patch.js';
export { strategicMergePatch, listStrategyFor, StrategicMergePatchError } from './patch/strategic-merge-patch.js';
export { applyJsonPatch, JsonPatchError } from './patch/json-patch.js';

export * from './validation/field-error.js';
export * from './validation/names.js';
export { goQuote, goStringMap, goStringSlice } from './validation/go-format.js';
export { validateCreate, validateUpdate } from './validation/validate-object.js';
export { strictDecode, decodeErrorMessage } from './schema/strict-decode.js';
export { schemaForKind } from './schema/kind-schemas.js';
export { applyDefaults } from './defaulting/object-defaults.js';
export { defaultPullPolicy } from './defaulting/pod-defaults.js';

export { ApiServer } from './api/api-server.js';
export type { ApiServerConfig, CreateOptions, UpdateOptions, ListOptions, WriteOptions, DeleteOptions } from './api/api-server.js';
export type { PropagationPolicy } from './api/deletion.js';
export type { WatchEvent, WatchEventType, WatchHandler } from './api/watch-hub.js';
export { ServiceIpAllocator, NodePortAllocator } from './api/service-ip-allocator.js';
export { NAME_ALPHABET, randomSuffix, safeEncodeString } from './api/identifiers.js';
export { patchObject, type PatchType } from './api/patch-object.js';

export { EventRecorder } from './controllers/event-recorder.js';
export { podTemplateHash, HASH_LABEL, REVISION_ANNOTATION } from './controllers/deployment-util.js';
export { isPodReady, isPodAvailable } from './controllers/pod-util.js';
export { KubeScheduler } from './scheduler/kube-scheduler.js';
export { fitErrorMessage } from './scheduler/filters.js';

export { Kubelet } from './kubelet/kubelet.js';
export { StaticIpRuntime } from './kubelet/pod-runtime.js';
export { containerEnv } from './kubelet/container-env.js';
export type { PodRuntime, SandboxResult, ContainerStartResult, ContainerStopResult } from './kubelet/pod-runtime.js';
export { normalizeImage, imageId, goDuration } from './kubelet/image-ref.js';

export { Cluster } from './cluster.js';
export { buildNode } from './cluster/node-factory.js';
export { fakePem } from './cluster/fake-pem.js';
export { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './api/deletion.js';
export { ENDPOINTS_MANAGED_BY, LAST_CHANGE_TRIGGER } from './controllers/endpoints-controller.js';
export { SERVICE_NAME_LABEL, SLICE_MANAGED_BY_LABEL, SLICE_CONTROLLER } from './controllers/endpointslice-controller.js';
export { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from './controllers/daemonset-util.js';
export type { ClusterConfig, NodeConfig } from './cluster.js';
