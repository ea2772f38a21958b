// Layer tools (kubectl): klog's text header ("E0803 20:37:00.123456    4321 memcache.go:265] ", local time
// of the host, the process id right-aligned in 7) and the error client-go's memory-cached discovery logs
// (utilruntime.HandleError → klog.ErrorS "Unhandled Error") each time it fails to list the API groups.

import { localTime } from '../../../lab/wall-clock.js';

/** One klog line. @example klogLine('E', wallUs, 'Asia/Seoul', 4321, 'memcache.go:265', '"Unhandled Error" err="..."') */
export function klogLine(severity: 'I' | 'W' | 'E', wallUs: number, timeZone: string, pid: number, source: string, message: string): string {
  const t = localTime(Math.floor(wallUs / 1000), timeZone);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const micros = p(Math.floor(wallUs) % 1_000_000, 6);
  return `${severity}${p(t.month)}${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${micros} ${String(pid).padStart(7)} ${source}] ${message}\n`;
}

/** The memcache.go error for a refused connection to `server` (e.g. "http://localhost:8080", "127.0.0.1:8080"). */
export function discoveryRefusedMessage(serverUrl: string, dialAddr: string): string {
  const err = `couldn't get current server API group list: Get "${serverUrl}/api?timeout=32s": dial tcp ${dialAddr}: connect: connection refused`;
  return `"Unhandled Error" err=${JSON.stringify(err)}`;
}
