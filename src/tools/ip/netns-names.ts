// Layer tools (ip): the names network namespaces have under /run/netns. Ones made by `ip netns add` keep
// their name; a pod sandbox's is containerd's "cni-<uuid>", derived here from the sandbox key because the
// core does not record one (see the report: a netns name belongs on Netns).

import type { Machine } from '../../net/machine.js';
import type { Netns } from '../../net/netns.js';

export function netnsName(machine: Machine | undefined, ns: Netns): string | undefined {
  if (!machine) return undefined;
  for (const [key, n] of machine.namespaces) if (n === ns) return displayName(key);
  return undefined;
}

/** A namespace key as `ip netns list` prints it. */
export function displayName(key: string): string {
  return key.includes('/') ? `cni-${uuidFrom(key)}` : key;
}

/** Finds a namespace by the name `ip netns` shows for it. */
export function findNetns(machine: Machine | undefined, name: string): { key: string; ns: Netns } | undefined {
  if (!machine) return undefined;
  for (const [key, ns] of machine.namespaces) if (displayName(key) === name) return { key, ns };
  return undefined;
}

/** A version-4-shaped UUID from FNV-1a hashes of the key (deterministic). */
function uuidFrom(key: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  const v = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${((parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16)}${hex.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
