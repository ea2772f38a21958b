// Layer shell: /proc/sys of a host or pod backed by its network namespace's sysctls: the key
// net.ipv4.ip_forward is the file /proc/sys/net/ipv4/ip_forward; reading gives the value and a newline,
// writing sets it (so `echo 1 > /proc/sys/net/ipv4/ip_forward` turns forwarding on).

import type { Sysctl } from '../../net/sysctl.js';
import type { FsProvider } from './host-fs.js';

export function sysctlProvider(sysctl: Sysctl): FsProvider {
  const keyOf = (rel: string) => rel.split('/').join('.');
  const childrenOf = (rel: string): string[] => {
    const prefix = rel === '' ? '' : `${keyOf(rel)}.`;
    const names = new Set<string>();
    for (const k of sysctl.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('.')[0] ?? '');
    return [...names].filter((n) => n !== '');
  };
  return {
    isDir: (rel) => rel === '' || (!sysctl.has(keyOf(rel)) && childrenOf(rel).length > 0),
    list: childrenOf,
    read: (rel) => {
      const v = rel === '' ? undefined : sysctl.get(keyOf(rel));
      return v === undefined ? undefined : `${v}\n`;
    },
    write: (rel, content) => {
      if (!sysctl.has(keyOf(rel))) return 'ENOENT';
      sysctl.set(keyOf(rel), content.trim());
      return undefined;
    },
  };
}
