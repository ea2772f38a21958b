// Layer k8s: the option and configuration types of the ApiServer's verbs (metav1.CreateOptions,
// UpdateOptions, ListOptions; the apiserver's own flags that matter here).

import type { Rng } from '../../sim/rng.js';
import type { ApiClock } from '../objects/time.js';
import type { ResourceRegistry } from '../resource-registry.js';
import type { Selector } from '../selectors/label-selector.js';
import type { FieldValidation } from './write-helpers.js';

export interface ApiServerConfig {
  readonly clock: ApiClock;
  readonly rng: Rng;
  /** --service-cluster-ip-range, e.g. "10.96.0.0/16". */
  readonly serviceCidr: string;
  readonly registry?: ResourceRegistry;
  readonly startResourceVersion?: number;
}

export interface WriteOptions {
  readonly dryRun?: boolean;
  /**
   * The object comes from an in-process typed client (a controller's, kubelet's or agent's own struct, as
   * client-go sends them): it cannot carry unknown fields or wrong types, so the decoder's checks are skipped.
   */
  readonly typed?: boolean;
  readonly fieldValidation?: FieldValidation;
}

export interface CreateOptions extends WriteOptions {
  /** Namespace for a namespaced object that names none (kubectl's current namespace). */
  readonly namespace?: string;
  /** Virtual time the object was created at, for objects that predate the lab's t=0. */
  readonly atUs?: number;
  /**
   * The caller hands the object over (built for this call, never touched again): the apiserver keeps its
   * parts instead of copying them; only frozen top-level members are copied, to be edited.
   */
  readonly handOver?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  readonly subresource?: 'status';
}

export interface MutateOptions extends UpdateOptions {
  /**
   * The edit only sets members of the object and of its top-level members (metadata, spec, status):
   * deeper parts stay the stored, frozen data, replaced rather than edited, so the draft is copied one
   * level deep instead of whole (as an update's draft is).
   */
  readonly shallow?: boolean;
}

export interface ListOptions {
  readonly namespace?: string;
  readonly labelSelector?: string | Selector;
  readonly fieldSelector?: string;
}
