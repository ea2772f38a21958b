// Layer k8s: image references as containerd reports them in container statuses
// (docker.io/library/nginx:latest for "nginx"), deterministic digests and sizes for imageID and the
// Pulled event, and Go's time.Duration formatting that kubelet's messages use ("1.234s", "560ms").
// The references are pure functions of the image string, remembered: every status render asks.

import { Rng } from '../../sim/rng.js';
import { fnv32a } from '../objects/json.js';

/** `fn` with its answers remembered (a bounded table: the lab uses a handful of images). */
function remembered(fn: (image: string) => string): (image: string) => string {
  const seen = new Map<string, string>();
  return (image) => {
    let v = seen.get(image);
    if (v === undefined) {
      v = fn(image);
      if (seen.size < 1024) seen.set(image, v);
    }
    return v;
  };
}

/** reference.ParseNormalizedNamed + TagNameOnly: docker.io/ domain, library/ for official images, :latest. */
export const normalizeImage = remembered((image) => {
  let name = image;
  let digest = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at);
    name = name.slice(0, at);
  }
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasDomain) name = `docker.io/${slash < 0 ? `library/${name}` : name}`;
  const lastSlash = name.lastIndexOf('/');
  if (digest === '' && !name.slice(lastSlash + 1).includes(':')) name += ':latest';
  return name + digest;
});

/** A stable 64-hex-digit digest for an image name (what the registry would have served). */
export function imageDigest(image: string): string {
  return new Rng(fnv32a(image)).hex(64);
}

/**
 * imageID as the CRI reports it: the repository and the manifest digest, `docker.io/traefik/whoami@sha256:<digest>`.
 * A reference pinned by digest (`quay.io/cilium/cilium:v1.18.0@sha256:...`) keeps its own digest.
 */
export const imageId = remembered((image) => {
  const n = normalizeImage(image);
  const at = n.indexOf('@');
  const named = at < 0 ? n : n.slice(0, at);
  const tagAt = named.lastIndexOf(':') > named.lastIndexOf('/') ? named.lastIndexOf(':') : named.length;
  return `${named.slice(0, tagAt)}@${at < 0 ? `sha256:${imageDigest(n)}` : n.slice(at + 1)}`;
});

/** A plausible compressed image size in bytes (5-80 MB), stable per image. */
export function imageSizeBytes(image: string): number {
  return 5_000_000 + (fnv32a(normalizeImage(image)) % 75_000_000);
}

/** time.Duration.String() of a duration truncated to milliseconds. */
export function goDuration(us: number): string {
  const ms = Math.floor(us / 1000);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${trimZeros(s.toFixed(3))}s`;
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}m${trimZeros(rest.toFixed(3))}s`;
}

function trimZeros(x: string): string {
  return x.includes('.') ? x.replace(/0+$/, '').replace(/\.$/, '') : x;
}
