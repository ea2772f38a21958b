// Layer lab (lab file): zod field types shared by the lab file sections: names, IPv4 addresses and
// prefixes (parsed with src/addr), durations and MACs. Each failure is a zod "custom" issue whose
// params.code is a LabFileErrorCode, so the loader can report it with a precise code and message.

import { z } from 'zod';
import { formatCidr, IPV4_ANY, isMulticastMac, isNetworkAddress, network, parseCidr, parseIpv4, parseMac, type Ipv4Addr, type Ipv4Cidr, type MacAddr } from '../../addr/index.js';
import { parseDuration } from './duration.js';
import type { LabFileErrorCode } from './lab-file-error.js';

type Ctx = z.core.$RefinementCtx;

/** Records a failed field with its lab-file error code; returns z.NEVER for use in transforms. */
export function fail(ctx: Ctx, input: unknown, code: LabFileErrorCode, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input, params: { code } });
  return z.NEVER;
}

/** Kubernetes' wording for a DNS-1123 label (node names, host names). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_LABEL_HELP =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export const hostName = z.string().transform((s, ctx) => {
  if (s.length > 63) return fail(ctx, s, 'invalid-name', `"${s}" is longer than 63 characters`);
  if (!DNS1123_LABEL.test(s)) return fail(ctx, s, 'invalid-name', `"${s}": ${DNS1123_LABEL_HELP}`);
  return s;
});

/** A free identifier for a network (letters, digits, '.', '_', '-'). */
export const networkName = z.string().transform((s, ctx) =>
  /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(s)
    ? s
    : fail(ctx, s, 'invalid-name', `"${s}" is not a valid network name (1-63 letters, digits, '.', '_' or '-', starting with a letter or digit)`),
);

/** Linux dev_valid_name(): 1-15 bytes, not "." or "..", no '/', ':' or whitespace. */
export const ifName = z.string().transform((s, ctx) => {
  const ok = s.length > 0 && s.length < 16 && s !== '.' && s !== '..' && !/[/:\s]/.test(s);
  return ok ? s : fail(ctx, s, 'invalid-name', `"${s}" is not a valid interface name (1-15 characters, no '/', ':' or spaces); iproute2 says: Error: argument "${s}" is wrong: "name" not a valid ifname`);
});

export const ipv4Address = z.string().transform((s, ctx): Ipv4Addr => {
  const a = parseIpv4(s);
  return a ?? fail(ctx, s, 'invalid-address', `"${s}" is not an IPv4 address (write a dotted quad like 192.168.10.100)`);
});

/** An address with its prefix length, host bits kept ("192.168.10.100/24"), as on `ip addr`. */
export const interfaceAddress = z.string().transform((s, ctx): Ipv4Cidr => {
  const c = parseCidr(s);
  return c ?? fail(ctx, s, 'invalid-address', `"${s}" is not an IPv4 address with a prefix length (write e.g. 192.168.10.100/24)`);
});

/** A network prefix: host bits must be zero ("192.168.10.0/24"). */
export function networkPrefix(opts: { allowDefault?: boolean } = {}) {
  return z.string().transform((s, ctx): Ipv4Cidr => {
    if (opts.allowDefault && (s === 'default' || s === '0.0.0.0/0')) return { addr: IPV4_ANY, prefixLen: 0 };
    const c = parseCidr(s);
    if (c === undefined) return fail(ctx, s, 'invalid-prefix', `"${s}" is not an IPv4 prefix (write e.g. 192.168.10.0/24)`);
    if (!isNetworkAddress(c)) {
      return fail(ctx, s, 'invalid-prefix', `${s} has host bits set (did you mean ${formatCidr(network(c))}?)`);
    }
    return c;
  });
}

/** A route destination: like networkPrefix, but in iproute2's words, and "default" is 0.0.0.0/0. */
export const routeDestination = z.string().transform((s, ctx): Ipv4Cidr => {
  if (s === 'default') return { addr: IPV4_ANY, prefixLen: 0 };
  const c = parseCidr(s, { allowBare: true });
  if (c === undefined) return fail(ctx, s, 'invalid-prefix', `"${s}" is not an IPv4 prefix (write e.g. 10.10.0.0/16, a bare address for a /32, or "default")`);
  if (!isNetworkAddress(c)) {
    return fail(ctx, s, 'route-invalid-prefix', `${s} is not a valid network prefix: host bits are set (did you mean ${formatCidr(network(c))}?); iproute2 says: Error: Invalid prefix for given prefix length.`);
  }
  return c;
});

/** A Go duration ("400us", "0.4ms", "-59m") in microseconds; a bare 0 is allowed, other bare numbers are not. */
export function duration(range: { minUs?: number; maxUs?: number; what: string }) {
  return z.union([z.string(), z.number()]).transform((v, ctx): number => {
    if (typeof v === 'number' && v !== 0) {
      return fail(ctx, v, 'invalid-duration', `${v} has no unit; write e.g. "${v}ms" or "${v}s"`);
    }
    const r = parseDuration(String(v));
    if (!r.ok) return fail(ctx, v, 'invalid-duration', r.reason);
    if (range.minUs !== undefined && r.us < range.minUs) return fail(ctx, v, 'out-of-range', `${String(v)}: ${range.what}`);
    if (range.maxUs !== undefined && r.us > range.maxUs) return fail(ctx, v, 'out-of-range', `${String(v)}: ${range.what}`);
    return r.us;
  });
}

export const macAddress = z.string().transform((s, ctx): MacAddr => {
  const m = parseMac(s);
  if (m === undefined) return fail(ctx, s, 'invalid-address', `"${s}" is not a MAC address (write six hex octets like 08:00:27:53:64:57)`);
  if (isMulticastMac(m) || (m as number) === 0) {
    return fail(ctx, s, 'invalid-address', `${s} is not a unicast MAC address; the kernel says: RTNETLINK answers: Cannot assign requested address`);
  }
  return m;
});

/** A semantic version, with the leading "v" that the Kubernetes tools print (`v1.33.2`) or without (Cilium's `1.18.0`). */
export function version(prefix: 'v' | '') {
  const re = prefix === 'v' ? /^v[0-9]+\.[0-9]+\.[0-9]+$/ : /^[0-9]+\.[0-9]+\.[0-9]+$/;
  const example = prefix === 'v' ? 'v1.33.2' : '1.18.0';
  return z.union([z.string(), z.number()]).transform((v, ctx) =>
    typeof v === 'string' && re.test(v)
      ? v
      : fail(ctx, v, 'invalid-value', typeof v === 'number' ? `${v} is a number; write the version as a quoted string like "${example}"` : `"${v}" is not a version like ${example}`),
  );
}
