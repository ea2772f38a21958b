// Layer net: where packet bytes live (the kernel's kmalloc slabs behind skb->head). Frames are carved from
// 64 KiB slabs by bumping an offset, as views on a shared ArrayBuffer: a JS engine makes a fresh small
// buffer ten times slower than a view on an existing one. Slabs are never reused; a slab is freed by the
// garbage collector once no frame views it. Fresh memory is zero, like kzalloc.

const SLAB_BYTES = 64 * 1024;
const LARGE = SLAB_BYTES / 4;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** `len` zeroed bytes for a frame. */
export function allocSkbData(len: number): Uint8Array {
  if (len > LARGE) return new Uint8Array(len);
  if (used + len > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Uint8Array(slab, used, len);
  used += (len + 7) & ~7;
  return out;
}

/** A private copy of a frame (skb_copy). */
export function copySkbData(data: Uint8Array): Uint8Array {
  const out = allocSkbData(data.length);
  out.set(data);
  return out;
}
