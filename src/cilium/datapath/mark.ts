// Layer cilium: the skb->mark values the programs hand each other (bpf/lib/common.h MARK_MAGIC_*). The
// overlay mark, with the source identity in the upper bits (set_identity_mark), travels with a packet into
// the tunnel device; the kernel keeps skb->mark across encapsulation, so cil_to_netdev sees it on the outer
// packet and leaves overlay traffic alone (ctx_is_overlay).

export const MARK_MAGIC_HOST_MASK = 0x0f00;
export const MARK_MAGIC_OVERLAY = 0x0400;

/** set_identity_mark; the 32 bits as a signed int (a small integer to the engine, the same bits to every mask). */
export function identityMark(identity: number, magic: number): number {
  return (magic & 0xff00) | ((identity & 0xffff) << 16) | ((identity & 0xff0000) >> 8);
}

/** ctx_is_overlay. */
export function isOverlayMark(mark: number): boolean {
  return (mark & MARK_MAGIC_HOST_MASK) === MARK_MAGIC_OVERLAY;
}
