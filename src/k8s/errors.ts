// Layer k8s: API errors as the apiserver returns them (k8s.io/apimachinery/pkg/api/errors):
// a reason, an HTTP code, the exact message text, and details (kind, name, field causes) so a
// kubectl emulation can print `Error from server (NotFound): pods "foo" not found` or the
// `The Deployment "x" is invalid: ...` form from the causes.

import type { ApiStatus, StatusCause, StatusDetails } from './objects/meta.js';
import type { FieldError } from './validation/field-error.js';
import { aggregateMessage, errorBody } from './validation/field-error.js';

export type K8sErrorReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'BadRequest'
  | 'Conflict'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError';

const HTTP_CODES = {
  NotFound: 404,
  AlreadyExists: 409,
  Invalid: 422,
  BadRequest: 400,
  Conflict: 409,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
} as const satisfies Record<K8sErrorReason, number>;

export class K8sError extends Error {
  readonly code: K8sErrorReason;
  readonly httpStatus: number;
  readonly details: StatusDetails | undefined;

  constructor(code: K8sErrorReason, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'K8sError';
    this.code = code;
    this.httpStatus = HTTP_CODES[code];
    this.details = details;
  }

  /** The metav1.Status body the apiserver sends. */
  toStatus(): ApiStatus {
    const st: ApiStatus = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.code,
      code: this.httpStatus,
    };
    if (this.details) st.details = this.details;
    return st;
  }

  toJSON(): ApiStatus {
    return this.toStatus();
  }
}

export function isK8sError(e: unknown, code?: K8sErrorReason): e is K8sError {
  return e instanceof K8sError && (code === undefined || e.code === code);
}

function resourceDetails(groupResource: string, name: string): StatusDetails {
  const dot = groupResource.indexOf('.');
  const details: StatusDetails = { name, kind: dot < 0 ? groupResource : groupResource.slice(0, dot) };
  if (dot >= 0) details.group = groupResource.slice(dot + 1);
  return details;
}

/** `pods "foo" not found` (errors.NewNotFound). */
export function notFound(groupResource: string, name: string): K8sError {
  return new K8sError('NotFound', `${groupResource} ${JSON.stringify(name)} not found`, resourceDetails(groupResource, name));
}

/** `deployments.apps "webpod" already exists` (errors.NewAlreadyExists). */
export function alreadyExists(groupResource: string, name: string): K8sError {
  return new K8sError('AlreadyExists', `${groupResource} ${JSON.stringify(name)} already exists`, resourceDetails(groupResource, name));
}

/** `Deployment.apps "x" is invalid: spec.selector: Required value` (errors.NewInvalid). */
export function invalid(groupKind: string, name: string, errs: readonly FieldError[]): K8sError {
  const dot = groupKind.indexOf('.');
  const kind = dot < 0 ? groupKind : groupKind.slice(0, dot);
  const group = dot < 0 ? '' : groupKind.slice(dot + 1);
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const details: StatusDetails = { name, kind, causes };
  if (group) details.group = group;
  const agg = aggregateMessage(errs);
  const message = agg === '' ? `${groupKind} ${JSON.stringify(name)} is invalid` : `${groupKind} ${JSON.stringify(name)} is invalid: ${agg}`;
  return new K8sError('Invalid', message, details);
}

export function badRequest(message: string): K8sError {
  return new K8sError('BadRequest', message);
}

/** `Operation cannot be fulfilled on deployments.apps "x": <reason>` (errors.NewConflict). */
export function conflict(groupResource: string, name: string, reason: string): K8sError {
  const message = `Operation cannot be fulfilled on ${groupResource} ${JSON.stringify(name)}: ${reason}`;
  return new K8sError('Conflict', message, resourceDetails(groupResource, name));
}

/** `pods "x" is forbidden: <reason>` (errors.NewForbidden). */
export function forbidden(groupResource: string, name: string, reason: string): K8sError {
  const message = name === '' ? `${groupResource} is forbidden: ${reason}` : `${groupResource} ${JSON.stringify(name)} is forbidden: ${reason}`;
  return new K8sError('Forbidden', message, resourceDetails(groupResource, name));
}

export function methodNotSupported(groupResource: string, action: string): K8sError {
  return new K8sError('MethodNotAllowed', `${action} is not supported on resources of kind ${JSON.stringify(groupResource)}`);
}

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';
