// Layer tools (cilium): endpoint identifiers (pkg/endpoint/id id.go): the prefixes Parse accepts, the
// reserved identity names requireEndpointID lets through unparsed (identity.GetReservedID), and the
// endpoint manager's Lookup (pkg/endpointmanager manager.go): a numeric cilium-local id checked by
// ParseCiliumID, the others looked up in the index of Endpoint.Identifiers (identifiers.go).

import { formatIpv4 } from '../../addr/index.js';
import type { AgentEndpoint } from './endpoint-model.js';
import { parseGoInt } from '../go-strconv.js';

export const ENDPOINT_ID_PREFIXES = ['cilium-local', 'cilium-global', 'cni-attachment-id', 'container-id', 'docker-endpoint', 'container-name', 'cep-name', 'pod-name', 'ipv4', 'ipv6'];

/** identity.GetReservedID names. */
export const RESERVED_NAMES = ['host', 'world', 'unmanaged', 'health', 'init', 'remote-node', 'kube-apiserver', 'ingress', 'world-ipv4', 'world-ipv6', 'overlay-to-encrypt'];

/** splitID: the prefix before the first colon, cilium-local when there is none. */
export function splitEndpointId(id: string): { readonly prefix: string; readonly rest: string } {
  const i = id.indexOf(':');
  return i < 0 ? { prefix: 'cilium-local', rest: id } : { prefix: id.slice(0, i), rest: id.slice(i + 1) };
}

/** requireEndpointID's check: Parse's error for an unknown prefix, unless the argument is a reserved name. */
export function endpointIdError(arg: string): string | undefined {
  if (RESERVED_NAMES.includes(arg)) return undefined;
  const { prefix } = splitEndpointId(arg);
  return ENDPOINT_ID_PREFIXES.includes(prefix) ? undefined : `unknown endpoint ID prefix "${prefix}"`;
}

export type Lookup = { readonly kind: 'found'; readonly endpoint: AgentEndpoint } | { readonly kind: 'not-found' } | { readonly kind: 'invalid'; readonly error: string };

/** Endpoint.Identifiers: the ids a pod endpoint is indexed by (no docker ids, no container name, no IPv6). */
function identifiers(ae: AgentEndpoint): Readonly<Record<string, string>> {
  const { ep } = ae;
  // The host endpoint has no container or address; its namespace and pod name are empty ("/").
  if (!ep) return { 'pod-name': '/', 'cep-name': '/' };
  const pod = `${ep.namespace}/${ep.podName}`;
  return { 'cni-attachment-id': `${ep.containerId}:eth0`, 'container-id': ep.containerId, ipv4: formatIpv4(ep.ipv4), 'pod-name': pod, 'cep-name': pod };
}

/** endpointManager.Lookup, with its errors as the API's 400 payload. */
export function lookupEndpoint(endpoints: readonly AgentEndpoint[], id: string): Lookup {
  const { prefix, rest } = splitEndpointId(id);
  if (!ENDPOINT_ID_PREFIXES.includes(prefix)) return { kind: 'invalid', error: `unknown endpoint ID prefix "${prefix}"` };
  if (prefix === 'cilium-global') return { kind: 'invalid', error: 'unsupported IP address format' };
  let found: AgentEndpoint | undefined;
  if (prefix === 'cilium-local') {
    const n = parseGoInt(rest);
    // fmt.Errorf("invalid numeric cilium id: %w", err) with a nil err for a negative number.
    if (!n.ok || n.value < 0n) return { kind: 'invalid', error: `invalid numeric cilium id: ${n.ok ? '%!w(<nil>)' : n.error}` };
    if (n.value > 65535n) return { kind: 'invalid', error: `endpoint id too large: ${n.value}` };
    found = endpoints.find((e) => BigInt(e.id) === n.value);
  } else found = endpoints.find((e) => identifiers(e)[prefix] === rest);
  return found ? { kind: 'found', endpoint: found } : { kind: 'not-found' };
}
