// Layer net/tcp: the receive window (tcp_output.c): tcp_select_initial_window() for the SYN and SYN-ACK,
// __tcp_select_window()/tcp_select_window() for every later segment (never shrinking the offered window,
// scaled by rcv_wscale), and the receive-buffer accounting those read: tcp_full_space() and tcp_space()
// with the default scaling ratio of 50% (tcp_win_from_space), rcvbuf = tcp_rmem[1] = 131072.

import type { TcpCb } from './tcp-cb.js';
import { TCP_MAX_WSCALE } from './tcp-const.js';

const U16_MAX = 0xffff;

/** tcp_win_from_space with the default scaling_ratio (TCP_DEFAULT_SCALING_RATIO = 128/256). */
export function winFromSpace(space: number): number {
  return Math.max(0, Math.floor(space / 2));
}

/** tcp_full_space: the window the whole receive buffer allows. */
export function fullSpace(tp: TcpCb): number {
  return winFromSpace(tp.rcvbuf);
}

/** tcp_space: the window the free part of the receive buffer allows. */
export function freeSpace(tp: TcpCb): number {
  return winFromSpace(tp.rcvbuf - tp.rmemAlloc);
}

/**
 * skb->truesize of a received segment: what it charges to sk_rmem_alloc. An approximation of a veth/NIC
 * skb: 768 bytes for a small linear skb (which makes Linux's familiar "win 509" after a short request),
 * the payload in 256-byte steps on top of the sk_buff and shared info for larger ones.
 */
export function skbTruesize(len: number): number {
  return len <= 192 ? 768 : 512 + Math.ceil(len / 256) * 256;
}

export interface InitialWindow {
  readonly rcvWnd: number;
  readonly wscale: number;
  readonly windowClamp: number;
}

/** tcp_select_initial_window: space rounded down to a multiple of `mss`, capped at 65535; the scale that fits tcp_rmem[2]. */
export function selectInitialWindow(space: number, mss: number, o: { wscaleOk: boolean; rmem2: number; rmemMax: number }): InitialWindow {
  let windowClamp = U16_MAX * 2 ** TCP_MAX_WSCALE;
  let sp = Math.min(windowClamp, Math.max(0, space));
  if (sp > mss) sp = Math.floor(sp / mss) * mss;
  const rcvWnd = Math.min(sp, U16_MAX);
  let wscale = 0;
  if (o.wscaleOk) {
    let s = Math.max(sp, o.rmem2, o.rmemMax);
    s = Math.min(s, windowClamp);
    wscale = Math.max(0, Math.min(TCP_MAX_WSCALE, Math.floor(Math.log2(s)) - 15));
  }
  windowClamp = Math.min(U16_MAX * 2 ** wscale, windowClamp);
  return { rcvWnd, wscale, windowClamp };
}

/** tcp_receive_window: what is left of the window last advertised. */
export function receiveWindow(tp: TcpCb): number {
  const win = ((tp.rcvWup + tp.rcvWnd - tp.rcvNxt) | 0);
  return Math.max(0, win);
}

function alignUp(v: number, to: number): number {
  return Math.ceil(v / to) * to;
}

/** __tcp_select_window: the window the free buffer space justifies now. */
export function rawSelectWindow(tp: TcpCb): number {
  let mss = tp.rcvMss;
  let free = freeSpace(tp);
  const allowed = fullSpace(tp);
  const full = Math.min(tp.windowClamp, allowed);
  if (mss > full) {
    mss = full;
    if (mss <= 0) return 0;
  }
  const unit = 2 ** tp.rcvWscale;
  if (free < full >> 1) {
    tp.quick = 0;
    free = Math.floor(free / unit) * unit;
    if (free < allowed >> 4 || free < mss) return 0;
  }
  if (free > tp.rcvSsthresh) free = tp.rcvSsthresh;
  if (tp.rcvWscale) return alignUp(free, unit);
  let window = tp.rcvWnd;
  if (window <= free - mss || window > free) window = Math.floor(free / mss) * mss;
  else if (mss === full && free > window + (full >> 1)) window = free;
  return window;
}

/** tcp_select_window: the 16-bit window field of the next non-SYN segment; remembers what was offered. */
export function selectWindow(tp: TcpCb): number {
  const cur = receiveWindow(tp);
  const unit = 2 ** tp.rcvWscale;
  let win = rawSelectWindow(tp);
  if (win < cur) win = alignUp(cur, unit);
  tp.rcvWnd = win;
  tp.rcvWup = tp.rcvNxt;
  win = Math.min(win, U16_MAX * unit);
  return Math.floor(win / unit);
}
