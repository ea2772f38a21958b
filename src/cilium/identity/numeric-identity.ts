// Layer cilium: security identity numbers (pkg/identity/numericidentity.go): the reserved identities
// with their names, and the range cluster-wide identities are drawn from (256..65535 for cluster id 0).

export const RESERVED_IDENTITIES = {
  unknown: 0,
  host: 1,
  world: 2,
  unmanaged: 3,
  health: 4,
  init: 5,
  'remote-node': 6,
  'kube-apiserver': 7,
  ingress: 8,
  'world-ipv4': 9,
  'world-ipv6': 10,
  'encrypted-overlay': 11,
} as const;
export type ReservedIdentityName = keyof typeof RESERVED_IDENTITIES;

export const ID_HOST = RESERVED_IDENTITIES.host;
export const ID_WORLD = RESERVED_IDENTITIES.world;
export const ID_REMOTE_NODE = RESERVED_IDENTITIES['remote-node'];
export const ID_HEALTH = RESERVED_IDENTITIES.health;

export const MIN_ALLOCATED_IDENTITY = 256;
export const MAX_ALLOCATED_IDENTITY = 65535;

export function reservedName(id: number): ReservedIdentityName | undefined {
  for (const [name, n] of Object.entries(RESERVED_IDENTITIES)) if (n === id) return name as ReservedIdentityName;
  return undefined;
}
