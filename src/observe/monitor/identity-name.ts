// Layer observe: NumericIdentity.String() (pkg/identity/numericidentity.go): the reserved identities by name,
// every other identity as its number. The monitor prints these unless -n; Hubble prints "(world)" / "(ID:N)".

const RESERVED: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'host',
  2: 'world',
  3: 'unmanaged',
  4: 'health',
  5: 'init',
  6: 'remote-node',
  7: 'kube-apiserver',
  8: 'ingress',
  9: 'world-ipv4',
  10: 'world-ipv6',
};

export function reservedIdentityName(id: number): string | undefined {
  return RESERVED[id];
}

export function identityName(id: number): string {
  return RESERVED[id] ?? String(id);
}
