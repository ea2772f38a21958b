// Layer tools (hubble): `hubble observe -o json|jsonpb`: a GetFlowsResponse in proto3's JSON mapping with
// proto field names (flow.pb.json.go uses protojson UseProtoNames), fields in declaration order, zero
// values left out, 64-bit integers as strings, re-compacted by encoding/json (HTML characters escaped).

import type { Flow, FlowEndpoint, FlowL4 } from '../../observe/index.js';
import { protoTimestamp } from './go-time.js';

type Json = string | number | boolean | JsonObject | Json[];
interface JsonObject {
  [k: string]: Json;
}

/** A wrapper type (google.protobuf.BoolValue): printed whenever set, even when false. */
class Present {
  constructor(readonly value: Json) {}
}

/** Adds the fields whose value is not a proto3 zero value. */
function obj(entries: ReadonlyArray<readonly [string, Json | Present | undefined]>): JsonObject {
  const o: JsonObject = {};
  for (const [k, v] of entries) {
    if (v instanceof Present) o[k] = v.value;
    else if (v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0)) continue;
    else o[k] = v;
  }
  return o;
}

function endpoint(e: FlowEndpoint): JsonObject {
  return obj([
    ['ID', e.id],
    ['identity', e.identity],
    ['cluster_name', e.clusterName],
    ['namespace', e.namespace],
    ['labels', [...e.labels]],
    ['pod_name', e.podName],
    ['workloads', e.workloads.map((w) => obj([['name', w.name], ['kind', w.kind]]))],
  ]);
}

const TCP_FLAGS: ReadonlyArray<readonly [string, number]> = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
  ['ECE', 0x40],
  ['CWR', 0x80],
  ['NS', 0x100],
];

function l4(x: FlowL4): JsonObject {
  if (x.proto === 'ICMPv4') return { ICMPv4: obj([['type', x.icmpType], ['code', x.icmpCode]]) };
  const flags = x.proto === 'TCP' && x.tcpFlags !== 0 ? obj(TCP_FLAGS.map(([n, bit]) => [n, (x.tcpFlags & bit) !== 0])) : undefined;
  return { [x.proto]: obj([['source_port', x.sourcePort], ['destination_port', x.destinationPort], ['flags', flags]]) };
}

export function flowJson(f: Flow): JsonObject {
  const wrap = (v: JsonObject | undefined) => (v && Object.keys(v).length > 0 ? v : undefined);
  return obj([
    ['time', protoTimestamp(f.timeUs)],
    ['uuid', f.uuid],
    ['verdict', f.verdict],
    ['drop_reason', f.dropReason],
    ['ethernet', f.ethernet ? obj([['source', f.ethernet.source], ['destination', f.ethernet.destination]]) : undefined],
    ['IP', f.ip ? obj([['source', f.ip.source], ['destination', f.ip.destination], ['ipVersion', f.ip.ipVersion === 'IP_NOT_USED' ? undefined : f.ip.ipVersion]]) : undefined],
    ['l4', f.l4 ? l4(f.l4) : undefined],
    ['source', wrap(endpoint(f.source))],
    ['destination', wrap(endpoint(f.destination))],
    ['Type', f.type],
    ['node_name', f.nodeName],
    ['node_labels', [...f.nodeLabels]],
    ['reply', f.isReply === true],
    ['event_type', obj([['type', f.eventType.type], ['sub_type', f.eventType.subType]])],
    ['destination_service', f.destinationService ? obj([['name', f.destinationService.name], ['namespace', f.destinationService.namespace]]) : undefined],
    ['traffic_direction', f.trafficDirection === 'TRAFFIC_DIRECTION_UNKNOWN' ? undefined : f.trafficDirection],
    ['trace_observation_point', f.traceObservationPoint],
    ['trace_reason', f.traceReason === 'TRACE_REASON_UNKNOWN' ? undefined : f.traceReason],
    ['file', f.file ? obj([['name', f.file.name], ['line', f.file.line]]) : undefined],
    ['drop_reason_desc', f.dropReasonDesc],
    ['is_reply', f.isReply === undefined ? undefined : new Present(f.isReply)],
    ['interface', f.interface ? obj([['index', f.interface.index], ['name', f.interface.name]]) : undefined],
    ['sock_xlate_point', f.sockXlatePoint],
    ['socket_cookie', f.socketCookie === 0 ? undefined : String(f.socketCookie)],
    ['cgroup_id', f.cgroupId === 0 ? undefined : String(f.cgroupId)],
    ['Summary', f.summary],
  ]);
}

/** One line of `-o jsonpb`: {"flow":{...},"node_name":"k8s-ctr","time":"..."}. */
export function getFlowsResponseJson(f: Flow): string {
  const text = JSON.stringify({ flow: flowJson(f), node_name: f.nodeName, time: protoTimestamp(f.timeUs) });
  return text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
