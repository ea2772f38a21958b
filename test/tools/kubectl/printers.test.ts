// Exact spacing of kubectl's table output against text printed by real kubectl in its own tests:
// cli-runtime pkg/printers/tableprinter_test.go (columns, priorities, headers, namespace, kind, labels) and
// kubectl pkg/cmd/get/get_test.go (pods/services/nodes from cmdtesting.TestData, several types in one run,
// --show-labels), both at v0.33.2, through the same decorate/print/tabwriter path `kubectl get` uses.

import { describe, expect, test } from 'vitest';
import { BUILTIN_RESOURCES, CILIUM_RESOURCES, ResourceRegistry, type KubeObject } from '../../../src/k8s/index.js';
import { humanOutput, type HumanOptions } from '../../../src/tools/kubectl/printers/human-output.js';
import { decorate, tableText, type Cell, type Column, type PrintOptions, type Table } from '../../../src/tools/kubectl/printers/table.js';
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
