// Layer net: a VXLAN or Geneve device in collect_md ("external") mode, as Cilium creates cilium_vxlan /
// cilium_geneve (drivers/net/vxlan/vxlan_core.c, drivers/net/geneve.c). On transmit it reads the tunnel key a
// BPF program set (VNI, remote), lets the kernel route the outer packet (source address from the route),
// picks the outer UDP source port from the inner flow hash (udp_flow_src_port), sends UDP with a zero
// checksum and TTL 64. On receive, the UDP socket on its port strips the outer headers and hands the inner
// frame to the device's ingress with the tunnel key attached.

import type { Ipv4Addr } from '../../addr/index.js';
import {
  ETH_HEADER_LEN,
  IPPROTO_UDP,
  UDP_HEADER_LEN,
  VXLAN_HEADER_LEN,
  geneveEthernet,
  type GeneveHeader,
  geneveHeaderLen,
  ipv4Src,
  ipv4Dst,
  parseGeneve,
  vxlanVni,
  VXLAN_FLAG_I,
  writeGeneveHeader,
  writeUdpHeader,
  writeVxlanHeader,
} from '../../wire/index.js';
import { L3_OFF } from '../frame.js';
import { sendIp, type IpSendOptions } from '../ip-send.js';
import { NetDevice, type DeviceKind, type DeviceOptions } from '../net-device.js';
import type { Netns } from '../netns.js';
import type { Skb } from '../skb.js';
import { UdpSocket } from '../udp-socket.js';
import { innerFlowHash, udpFlowSrcPort } from '../flow-hash.js';

export class TunnelDevice extends NetDevice {
  readonly kind: DeviceKind;
  readonly dstPort: number;
  /** The source port range [min, max): VXLAN defaults to ip_local_port_range (max + 1), Geneve to 1..65535. */
  readonly srcPortMin: number;
  readonly srcPortMax: number;
  private socket: UdpSocket | undefined;

  constructor(opts: DeviceOptions & { protocol: 'vxlan' | 'geneve'; dstPort: number; srcPortRange?: readonly [number, number] }) {
    super(opts);
    this.kind = opts.protocol;
    this.dstPort = opts.dstPort;
    const [lo, hi] = opts.srcPortRange ?? (opts.protocol === 'vxlan' ? [32768, 61000] : [1, 65535]);
    this.srcPortMin = lo;
    this.srcPortMax = hi;
  }

  get hasCarrier(): boolean {
    return true;
  }

  override get operState(): 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN' {
    return this.isUp ? 'UNKNOWN' : 'DOWN';
  }

  /** vxlan_open: bind the tunnel's UDP socket in the device's namespace. */
  override open(ns: Netns): void {
    if (this.socket) return;
    const s = new UdpSocket(ns);
    s.bind(0 as Ipv4Addr, this.dstPort);
    // Bound to a const before it goes on the socket (docs/architecture.md, Memory).
    const encapRcv = (skb: Skb, udpOff: number): void => this.rcv(ns, skb, udpOff);
    s.encapRcv = encapRcv;
    this.socket = s;
  }

  /** vxlan_stop: unbind it. */
  override stop(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  startXmit(skb: Skb): void {
    const ns = this.netns;
    const key = skb.meta.tunnelKey;
    if (!ns || !key) {
      this.stats.txDropped++;
      if (ns) ns.drop(this, skb, 'NOT_SPECIFIED', `${this.kind}_xmit`, 'no tunnel metadata (collect_md device)');
      return;
    }
    const hash = skb.meta.hash || innerFlowHash(skb.data, ns.flowHashSeed);
    const srcPort = udpFlowSrcPort(hash, this.srcPortMin, this.srcPortMax);
    const inner = skb.data;
    const geneve = this.kind === 'geneve' ? geneveEthernet(key.vni) : undefined;
    const encapLen = geneve ? geneveHeaderLen(geneve) : VXLAN_HEADER_LEN;
    const dstPort = this.dstPort;
    const udpLen = UDP_HEADER_LEN + encapLen + inner.length;
    // The outer packet is the same skb to the kernel: skb->mark stays (and steers the route lookup).
    const encap: EncapSend = { dst: key.remote, protocol: IPPROTO_UDP, ttl: key.ttl ?? 64, df: false, mark: skb.meta.mark, traceId: skb.meta.traceId, causeTraceId: skb.meta.causeTraceId, srcPort, dstPort, length: udpLen, checksum: 0, vni: key.vni, geneve, inner };
    const r = sendIp(ns, encap, udpLen, writeEncap);
    if (!r.ok) {
      this.stats.txErrors++;
      return ns.drop(this, skb, 'IP_OUTNOROUTES', `${this.kind}_xmit`, `no route to the remote tunnel endpoint (${r.errno})`);
    }
  }

  /** vxlan_rcv / geneve_rx: decapsulate and deliver the inner frame to this device's ingress. */
  private rcv(ns: Netns, skb: Skb, udpOff: number): void {
    const b = skb.data;
    const encapOff = udpOff + UDP_HEADER_LEN;
    const decap = this.kind === 'vxlan' ? vxlanDecap(b, encapOff) : geneveDecap(b.subarray(encapOff));
    if (typeof decap === 'string') return ns.drop(this, skb, 'VXLAN_INVALID_HDR', `${this.kind}_rcv`, decap);
    // The outer headers are done with: the inner frame is a view into the same bytes (no copy).
    const inner = typeof decap === 'number' ? new Uint8Array(b.buffer, b.byteOffset + encapOff + VXLAN_HEADER_LEN, b.length - encapOff - VXLAN_HEADER_LEN) : decap.inner;
    if (inner.length < ETH_HEADER_LEN) return ns.drop(this, skb, 'PKT_TOO_SMALL', `${this.kind}_rcv`);
    skb.meta.tunnelKey = { vni: typeof decap === 'number' ? decap : decap.vni, remote: ipv4Src(b, L3_OFF), local: ipv4Dst(b, L3_OFF) };
    skb.meta.hash = 0;
    skb.data = inner;
    ns.netifRx(this, skb);
  }
}


/** The outer packet's send options: the IP ones, its UDP header (a zero checksum) and what it carries. */
interface EncapSend extends IpSendOptions {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly length: number;
  readonly checksum: number;
  readonly vni: number;
  readonly geneve: GeneveHeader | undefined;
  readonly inner: Uint8Array;
}

function writeEncap(frame: Uint8Array, off: number, _src: Ipv4Addr, o: EncapSend): void {
  writeUdpHeader(frame, off, o);
  const encapOff = off + UDP_HEADER_LEN;
  if (o.geneve) writeGeneveHeader(frame, encapOff, o.geneve);
  else writeVxlanHeader(frame, encapOff, o);
  frame.set(o.inner, off + o.length - o.inner.length); // the inner frame ends the datagram
}

/** vxlan_rcv on the header at b[off]: the I flag must be set; the VNI, or why the header is refused. */
function vxlanDecap(b: Uint8Array, off: number): number | string {
  if (b.length - off < VXLAN_HEADER_LEN) return 'truncated VXLAN header';
  if ((b[off]! & VXLAN_FLAG_I) === 0) return 'VXLAN I flag not set';
  return vxlanVni(b, off);
}

function geneveDecap(b: Uint8Array): { vni: number; inner: Uint8Array } | string {
  const parsed = parseGeneve(b);
  if (!parsed.ok) return parsed.error.detail ?? parsed.error.kind;
  return { vni: parsed.value.header.vni, inner: parsed.value.payload };
}
