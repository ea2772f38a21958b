// Exact spacing of kubectl's table output against text printed by real kubectl in its own tests:
// cli-runtime pkg/printers/tableprinter_test.go (columns, priorities, headers, namespace, kind, labels) and
// kubectl pkg/cmd/get/get_test.go (pods/services/nodes from cmdtesting.TestData, several types in one run,
// --show-labels), both at v0.33.2, through the same decorate/print/tabwriter path `kubectl get` uses.

import { describe, expect, test } from 'vitest';
import { BUILTIN_RESOURCES, CILIUM_RESOURCES, ResourceRegistry, type KubeObject } from '../../../src/k8s/index.js';
import { humanOutput, type HumanOptions } from '../../../src/tools/kubectl/printers/human-output.js';
import { decorate, tableText, type Cell, type Column, type PrintOptions, type Table } from '../../../src/tools/kubectl/printers/table.js';
import { buildTable } from '../../../src/tools/kubectl/printers/tables.js';
import type { Group } from '../../../src/tools/kubectl/server/builder.js';
import { KUBECTL_TABWRITER, Tabwriter } from '../../../src/tools/kubectl/text/tabwriter.js';

const testPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'test-pod-name', namespace: 'test-namespace', labels: { 'first-label': '12', 'second-label': 'label-value' } },
} as unknown as KubeObject;

const COLUMNS: Column[] = [{ name: 'Name', format: 'name' }, { name: 'Ready' }, { name: 'Status' }, { name: 'Retries' }, { name: 'Age' }];
const LOW_PRIORITY: Column[] = [{ name: 'Name' }, { name: 'Ready' }, { name: 'Status' }, { name: 'Retries', priority: 1 }, { name: 'Age', priority: 1 }];
const ROW1: Cell[] = ['test1', '1/1', 'podPhase', 5, '20h'];
const ROWS3: Cell[][] = [ROW1, ['test2', '1/2', 'podPhase', 30, '21h'], ['test3', '4/4', 'podPhase', 1, '22h']];

/** PrintObj of cli-runtime's TablePrinter: decorate, print, flush one tabwriter. */
function printTable(columns: Column[], cells: Cell[][], o: Partial<PrintOptions> = {}): string {
  const opts: PrintOptions = { wide: false, noHeaders: false, withNamespace: false, showLabels: false, labelColumns: [], ...o };
  const table: Table = { columns, rows: cells.map((c) => ({ cells: c, object: testPod })) };
  let out = '';
  const tw = new Tabwriter((s) => void (out += s), KUBECTL_TABWRITER);
  tw.write(tableText(decorate(table, opts), opts));
  tw.flush();
  return out;
}

describe('tableprinter_test.go', () => {
  test.each<[string, Column[], Cell[][], Partial<PrintOptions>, string]>([
    ['ColumnPriority: priority>0 hidden', LOW_PRIORITY, [ROW1], {}, 'NAME    READY   STATUS\ntest1   1/1     podPhase\n'],
    ['ColumnPriority: multi-row', LOW_PRIORITY, ROWS3, {}, 'NAME    READY   STATUS\ntest1   1/1     podPhase\ntest2   1/2     podPhase\ntest3   4/4     podPhase\n'],
    ['ColumnPriority: wide', LOW_PRIORITY, [ROW1], { wide: true }, 'NAME    READY   STATUS     RETRIES   AGE\ntest1   1/1     podPhase   5         20h\n'],
    [
      'ColumnPriority: wide multi-row',
      LOW_PRIORITY,
      ROWS3,
      { wide: true },
      'NAME    READY   STATUS     RETRIES   AGE\ntest1   1/1     podPhase   5         20h\ntest2   1/2     podPhase   30        21h\ntest3   4/4     podPhase   1         22h\n',
    ],
    ['ColumnHeaders: single row', COLUMNS, [ROW1], {}, 'NAME    READY   STATUS     RETRIES   AGE\ntest1   1/1     podPhase   5         20h\n'],
    ['ColumnHeaders: NoHeaders', COLUMNS, [ROW1], { noHeaders: true }, 'test1   1/1   podPhase   5     20h\n'],
    ['ColumnHeaders: NoHeaders multi-row', COLUMNS, ROWS3, { noHeaders: true }, 'test1   1/1   podPhase   5     20h\ntest2   1/2   podPhase   30    21h\ntest3   4/4   podPhase   1     22h\n'],
    ['WithNamespace', COLUMNS, [ROW1], { withNamespace: true }, 'NAMESPACE        NAME    READY   STATUS     RETRIES   AGE\ntest-namespace   test1   1/1     podPhase   5         20h\n'],
    ['WithKind', COLUMNS, [ROW1], { kindPrefix: 'pod' }, 'NAME        READY   STATUS     RETRIES   AGE\npod/test1   1/1     podPhase   5         20h\n'],
    ['WithLabels: ShowLabels', COLUMNS, [ROW1], { showLabels: true }, 'NAME    READY   STATUS     RETRIES   AGE   LABELS\ntest1   1/1     podPhase   5         20h   first-label=12,second-label=label-value\n'],
    ['WithLabels: one label column', COLUMNS, [ROW1], { labelColumns: ['second-label'] }, 'NAME    READY   STATUS     RETRIES   AGE   SECOND-LABEL\ntest1   1/1     podPhase   5         20h   label-value\n'],
    [
      'WithLabels: two label columns',
      COLUMNS,
      [ROW1],
      { labelColumns: ['first-label', 'second-label'] },
      'NAME    READY   STATUS     RETRIES   AGE   FIRST-LABEL   SECOND-LABEL\ntest1   1/1     podPhase   5         20h   12            label-value\n',
    ],
    ['empty table prints nothing', COLUMNS, [], {}, ''],
  ])('%s', (_name, columns, cells, opts, expected) => {
    expect(printTable(columns, cells, opts)).toBe(expected);
  });
});

describe('get_test.go (cmdtesting.TestData objects, no creationTimestamp: AGE <unknown>)', () => {
  const registry = new ResourceRegistry([...BUILTIN_RESOURCES, ...CILIUM_RESOURCES]);
  const rt = (w: string) => {
    const r = registry.resolve(w);
    if (!r) throw new Error(w);
    return r;
  };
  const pod = (name: string) =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test', resourceVersion: '10' }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, securityContext: {}, enableServiceLinks: true } }) as unknown as KubeObject;
  const baz = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'baz', namespace: 'test', resourceVersion: '12' }, spec: { sessionAffinity: 'None', type: 'ClusterIP' } } as unknown as KubeObject;
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'foo' } } as unknown as KubeObject;
  const group = (w: string, objs: KubeObject[]): Group => ({ rt: rt(w), objs, isList: true });
  const opts: HumanOptions = { wide: false, noHeaders: false, allNamespaces: false, showLabels: false, showKind: false, labelColumns: [], sortBy: '', nowMs: 0 };

  test('TestGetTableObjects: pods foo', () => {
    expect(humanOutput([group('pods', [pod('foo')])], opts).text).toBe('NAME   READY   STATUS   RESTARTS   AGE\nfoo    0/0              0          <unknown>\n');
  });

  test('TestGetTableObjectsShowKind', () => {
    expect(humanOutput([group('pods', [pod('foo')])], { ...opts, showKind: true }).text).toBe('NAME      READY   STATUS   RESTARTS   AGE\npod/foo   0/0              0          <unknown>\n');
  });

  test('TestGetObjectsShowLabels (table)', () => {
    expect(humanOutput([group('pods', [pod('foo')])], { ...opts, showLabels: true }).text).toBe('NAME   READY   STATUS   RESTARTS   AGE         LABELS\nfoo    0/0              0          <unknown>   <none>\n');
  });

  test('TestGetMultipleResourceTypesShowKinds: pods,services', () => {
    expect(humanOutput([group('pods', [pod('foo'), pod('bar')]), group('services', [baz])], opts).text).toBe(`NAME      READY   STATUS   RESTARTS   AGE
pod/foo   0/0              0          <unknown>
pod/bar   0/0              0          <unknown>

NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/baz   ClusterIP   <none>       <none>        <none>    <unknown>
`);
  });

  test('TestGetMultipleTypeTableObjectsWithDirectReference: services/bar node/foo', () => {
    expect(humanOutput([group('services', [baz]), group('nodes', [node])], opts).text).toBe(`NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/baz   ClusterIP   <none>       <none>        <none>    <unknown>

NAME       STATUS    ROLES    AGE         VERSION
node/foo   Unknown   <none>   <unknown>   
`);
  });

  test('no headers across types: no blank line between them', () => {
    expect(humanOutput([group('pods', [pod('foo')]), group('services', [baz])], { ...opts, noHeaders: true }).text).toBe(
      'pod/foo   0/0         0     <unknown>\nservice/baz   ClusterIP   <none>   <none>   <none>   <unknown>\n',
    );
  });

  test('an empty list prints nothing and reports namespaced', () => {
    expect(humanOutput([group('pods', [])], opts)).toEqual({ text: '', allNamespaced: true });
    expect(humanOutput([group('nodes', [])], opts).allNamespaced).toBe(false);
  });
});

describe('printers.go cells', () => {
  const registry = new ResourceRegistry([...BUILTIN_RESOURCES, ...CILIUM_RESOURCES]);
  const cells = (w: string, obj: unknown, nowMs = Date.parse('2025-08-03T12:00:00Z')) => {
    const rt = registry.resolve(w);
    if (!rt) throw new Error(w);
    return buildTable(rt, [obj as KubeObject], nowMs).rows[0]?.cells;
  };

  test('pod RESTARTS: "1 (5m ago)" from the last termination; READY counts ready containers', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2025-08-03T11:00:00Z' },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }],
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2025-08-03T11:55:00Z' } } },
          { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: {} },
        ],
      },
    };
    expect(cells('pods', pod)?.slice(0, 5)).toEqual(['p', '1/2', 'CrashLoopBackOff', '1 (5m ago)', '60m']);
  });

  test('Endpoints: the first three host:port, then "+ N more..."', () => {
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'].map((ip) => ({ ip })), ports: [{ port: 80 }] }] };
    expect(cells('ep', ep)?.[1]).toBe('1.1.1.1:80,2.2.2.2:80,3.3.3.3:80 + 1 more...');
    expect(cells('ep', { ...ep, subsets: [] })?.[1]).toBe('<none>');
  });

  test('EndpointSlice: <unset> for no ports', () => {
    const s = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' }, addressType: 'IPv4', endpoints: [], ports: [] };
    expect(cells('endpointslices', s)?.slice(1, 4)).toEqual(['IPv4', '<unset>', '<unset>']);
  });

  test('Service: LoadBalancer without an address is <pending>; NodePort ports "80:30003/TCP"', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.5'], ports: [{ port: 80, nodePort: 30003, protocol: 'TCP' }] }, status: {} };
    expect(cells('svc', svc)?.slice(1, 5)).toEqual(['LoadBalancer', '10.96.0.5', '<pending>', '80:30003/TCP']);
  });

  test('Node: roles from node-role.kubernetes.io/* labels, SchedulingDisabled', () => {
    const node = {
      apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/worker': '' } },
      spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.33.2' } },
    };
    expect(cells('nodes', node)?.slice(1, 3)).toEqual(['Ready,SchedulingDisabled', 'control-plane,worker']);
  });
});
