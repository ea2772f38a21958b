// Layer tools (tcpdump): what tcpdump takes from the host it runs on: the name files (/etc/hosts,
// /etc/services, /etc/protocols, /etc/networks), interface names by ifindex (if_indextoname, also for -r),
// the time zone (the VM's /etc/localtime; a container has none and prints UTC) and the lab's wall clock.

import { filterNames, printNames, type FilterNames, type PrintNames, type PrintOptions } from '../../capture/index.js';
import type { Process } from '../process.js';

export interface TcpdumpEnv {
  readonly printNames: PrintNames;
  readonly filterNames: FilterNames;
  readonly timeZone: string;
  /** Wall-clock microseconds at virtual time 0. */
  readonly epochUs: number;
}

export function tcpdumpEnv(p: Process, print: PrintOptions, Nflag: number): TcpdumpEnv {
  const file = (path: string) => p.host.readFile(path);
  const hosts = file('/etc/hosts');
  const services = file('/etc/services');
  const netns = p.host.netns;
  return {
    printNames: printNames({
      nflag: print.nflag,
      Nflag,
      ...optional('hosts', hosts),
      ...optional('services', services),
      ifName: (i) => netns?.devices.get(i)?.name,
    }),
    filterNames: filterNames({
      ...optional('hosts', hosts),
      ...optional('services', services),
      ...optional('protocols', file('/etc/protocols')),
      ...optional('networks', file('/etc/networks')),
    }),
    timeZone: p.host.kind === 'pod' ? 'UTC' : p.lab.spec.clock.timezone,
    epochUs: p.lab.spec.clock.startUnixMs * 1000,
  };
}

/** { key: v } when the file exists (exactOptionalPropertyTypes forbids an undefined value). */
function optional<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, string>);
}
