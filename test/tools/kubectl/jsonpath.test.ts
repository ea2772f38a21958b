// kubectl's JSONPath dialect against client-go's own tests (k8s.io/client-go/util/jsonpath/jsonpath_test.go
// and parser_test.go at v0.33.2): the same templates, inputs and expected text or error. Go structs are
// given as JSON objects, whose keys print sorted as kubectl's unstructured objects do; the struct-only
// cases (field order, map[string]int errors) are left out.

import { describe, expect, test } from 'vitest';
import { JsonPath } from '../../../src/tools/kubectl/jsonpath/evaluate.js';

type Case = readonly [name: string, template: string, input: unknown, expected: string | Error];

function run(template: string, input: unknown, allowMissingKeys = false): string {
  const j = new JsonPath(template);
  j.allowMissingKeys = allowMissingKeys;
  return j.execute(input);
}

function check([, template, input, expected]: Case, allowMissingKeys = false): void {
  if (expected instanceof Error) {
    expect(() => run(template, input, allowMissingKeys)).toThrow(expected.message === '' ? undefined : expected.message);
  } else {
    expect(run(template, input, allowMissingKeys)).toBe(expected);
  }
}

const anyError = new Error('');

describe('TestTypesInput', () => {
  const types = {
    bools: [true, false, true, false],
    integers: [1, 2, 3, 4],
    floats: [1.0, 2.2, 3.3, 4.0],
    strings: ['one', 'two', 'three', 'four'],
    interfaces: [true, 'one', 1, 1.1],
    maps: [
      { name: 'one', value: 1 },
      { name: 'two', value: 2.02 },
      { name: 'three', value: 3.03 },
      { name: 'four', value: 4.04 },
    ],
  };
  const cases: Case[] = [
    ['boolSlice', '{ .bools }', types, '[true,false,true,false]'],
    ['boolSliceIndex', '{ .bools[0] }', types, 'true'],
    ['boolSliceIndex', '{ .bools[-1] }', types, 'false'],
    ['boolSubSlice', '{ .bools[0:2] }', types, 'true false'],
    ['boolSubSliceFirst2', '{ .bools[:2] }', types, 'true false'],
    ['boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'],
    ['integerSlice', '{ .integers }', types, '[1,2,3,4]'],
    ['integerSliceIndex', '{ .integers[0] }', types, '1'],
    ['integerSliceIndexReverse', '{ .integers[-2] }', types, '3'],
    ['integerSubSliceFirst2', '{ .integers[0:2] }', types, '1 2'],
    ['integerSubSliceStep2', '{ .integers[:4:2] }', types, '1 3'],
    ['floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'],
    ['floatSliceIndex', '{ .floats[0] }', types, '1'],
    ['floatSliceIndexReverse', '{ .floats[-2] }', types, '3.3'],
    ['floatSubSliceStep2', '{ .floats[:4:2] }', types, '1 3.3'],
    ['stringSlice', '{ .strings }', types, '["one","two","three","four"]'],
    ['stringSliceIndexReverse', '{ .strings[-2] }', types, 'three'],
    ['stringSubSliceFirst2Alt', '{ .strings[:2] }', types, 'one two'],
    ['stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'],
    ['interfaceSlice', '{ .interfaces }', types, '[true,"one",1,1.1]'],
    ['interfaceSliceIndexReverse', '{ .interfaces[-2] }', types, '1'],
    ['interfaceSubSliceFirst2', '{ .interfaces[0:2] }', types, 'true one'],
    ['interfaceSubSliceStep2', '{ .interfaces[:4:2] }', types, 'true 1'],
    ['mapSlice', '{ .maps }', types, '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ['mapSliceIndex', '{ .maps[0] }', types, '{"name":"one","value":1}'],
    ['mapSliceIndexReverse', '{ .maps[-2] }', types, '{"name":"three","value":3.03}'],
    ['mapSubSliceFirst2', '{ .maps[0:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ['mapSubSliceStepOdd', '{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['mapSubSliceStepEven', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ];
  test.each(cases)('%s %s', (...c) => check(c));
});

describe('TestStructInput (as JSON)', () => {
  const store = {
    Name: 'jsonpath',
    Book: [
      { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
      { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
      { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
    ],
    Bicycle: [
      { Color: 'red', Price: 19.95, IsNew: true },
      { Color: 'green', Price: 20.01, IsNew: false },
    ],
    Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
    Employees: { jason: 'manager', dan: 'clerk' },
  };
  const cases: Case[] = [
    ['plain', 'hello jsonpath', null, 'hello jsonpath'],
    ['recursive', '{..}', [1, 2, 3], '[1,2,3]'],
    ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['quote', '{"{"}', null, '{'],
    ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['variable', 'hello {.Name}', store, 'hello jsonpath'],
    ['dict/', '{$.Labels.web/html}', store, '15'],
    ['dict/', '{$.Employees.jason}', store, 'manager'],
    ['dict/', '{$.Employees.dan}', store, 'clerk'],
    ['dict-', '{.Labels.k8s-app}', store, '20'],
    ['nest', '{.Bicycle[*].Color}', store, 'red green'],
    ['allarray', '{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
    // Go walks struct fields in declaration order; JSON objects' keys are sorted (Color IsNew Price)
    ['allfields', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, '{red true 19.95} {green false 20.01} '],
    // Go's struct has Book before Bicycle; as a map the keys are walked sorted (Bicycle, Book)
    ['recurfields', '{..Price}', store, '19.95 20.01 8.95 12.99 8.99'],
    ['recurdotfields', '{...Price}', store, '19.95 20.01 8.95 12.99 8.99'],
    ['superrecurfields', '{............................................................Price}', store, new Error('invalid multiple recursive descent')],
    ['allstructsSlice', '{.Bicycle}', store, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
    ['lastarray', '{.Book[-1:]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['recurarray', '{..Book[2]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['bool', '{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ];
  test.each(cases)('%s %s', (...c) => check(c));

  test.each<Case>([
    ['nonexistent field', '{.hello}', store, ''],
    ['nonexistent field 2', 'before-{.hello}after', store, 'before-after'],
  ])('allowMissingKeys: %s', (...c) => check(c, true));

  test.each<Case>([
    ['invalid identifier', '{hello}', store, new Error('unrecognized identifier hello')],
    ['nonexistent field', '{.hello}', store, new Error('hello is not found')],
    ['invalid filter operator', '{.Book[?(@.Price<>10)]}', store, new Error('unrecognized filter operator <>')],
    ['redundant end', '{range .Labels.*}{@}{end}{end}', store, new Error('not in range, nothing to end')],
  ])('fails: %s', (...c) => check(c));
});

describe('TestJSONInput', () => {
  const points = [
    { id: 'i1', x: 4, y: -5 },
    { id: 'i2', x: -2, y: -5, z: 1 },
    { id: 'i3', x: 8, y: 3 },
    { id: 'i4', x: -6, y: -1 },
    { id: 'i5', x: 0, y: 2, z: 1 },
    { id: 'i6', x: 1, y: 4 },
    { id: 'i7', x: null, y: 4 },
  ];
  test.each<Case>([
    ['exists filter', '{[?(@.z)].id}', points, 'i2 i5'],
    ['bracket key', "{[0]['id']}", points, 'i1'],
    ['nil value', "{[-1]['x']}", points, 'null'],
  ])('%s', (...c) => check(c));
});

describe('TestKubernetes', () => {
  const nodes = {
    kind: 'List',
    items: [
      { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
      {
        kind: 'None',
        metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
        status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] },
      },
    ],
    users: [
      { name: 'myself', user: {} },
      { name: 'e2e', user: { username: 'admin', password: 'secret' } },
    ],
  };
  test.each<Case>([
    ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
    ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
    ['range addresss', '{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['item name', '{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
    ['union nodes capacity', "{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['user password', '{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
    ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
    ['hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
    ['bool item', '{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ])('%s', (...c) => check(c));

  test('recursive name (Go prints in map order; sorted here)', () => {
    expect(run('{..name}', nodes).split(' ').sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself']);
  });
});

describe('ranges', () => {
  test.each<Case>([
    ['empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
    ['empty nested range', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, ''],
  ])('TestEmptyRange: %s', (...c) => check(c, true));

  const another = [{ name: 'value1' }, { name: 'value2' }];
  const data = {
    items: [
      { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another }, { name: 'bar', another }] } },
      { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another }] } },
    ],
  };
  test.each<Case>([
    ['nested range with a trailing newline', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data, 'pod1:foo,bar,+pod2:baz,+'],
    [
      'nested range within another nested range',
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      data,
      'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
    ],
    [
      'two nested ranges at the same level',
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      data,
      'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
    ],
  ])('TestNestedRanges: %s', (...c) => check(c));

  const running = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } },
      { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } },
      { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } },
      { resourceVersion: '' },
    ],
  };
  test('TestRunningPodsJSONPathOutput', () => {
    check(['', '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', running, 'pod1 is Running\npod2 is Running\npod3 is Running\n'], true);
  });
});

describe('filters over partly missing keys (issues.k8s.io/45546)', () => {
  const data = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  const t = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  test('tolerated with allowMissingKeys', () => check(['', t, data, 'pod1 pod4'], true));
  test('an error without', () => check(['', t, data, anyError]));
});

describe('indexes and steps', () => {
  const pod = (n: number) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } });
  const four = pod(4);
  test.each<Case>([
    ['[0]', '{.spec.containers[0].name}', four, 'fake0'],
    ['[0:0]', '{.spec.containers[0:0].name}', four, ''],
    ['[0:-1]', '{.spec.containers[0:-1].name}', four, 'fake0 fake1 fake2'],
    ['[-1:0]', '{.spec.containers[-1:0].name}', four, anyError],
    ['[-1]', '{.spec.containers[-1].name}', four, 'fake3'],
    ['[-1:]', '{.spec.containers[-1:].name}', four, 'fake3'],
    ['[-2]', '{.spec.containers[-2].name}', four, 'fake2'],
    ['[-2:]', '{.spec.containers[-2:].name}', four, 'fake2 fake3'],
    ['[-3]', '{.spec.containers[-3].name}', four, 'fake1'],
    ['[-4]', '{.spec.containers[-4].name}', four, 'fake0'],
    ['[-4:]', '{.spec.containers[-4:].name}', four, 'fake0 fake1 fake2 fake3'],
    ['[-5]', '{.spec.containers[-5].name}', four, anyError],
    ['[5:5]', '{.spec.containers[5:5].name}', four, ''],
    ['[-5:-5]', '{.spec.containers[-5:-5].name}', four, ''],
    ['[3:1]', '{.spec.containers[3:1].name}', four, anyError],
    ['[-1:-2]', '{.spec.containers[-1:-2].name}', four, anyError],
  ])('TestNegativeIndex %s', (...c) => check(c));

  const six = pod(6);
  test.each<Case>([
    ['[0:]', '{.spec.containers[0:].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['[0:6:]', '{.spec.containers[0:6:].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['[0:6:1]', '{.spec.containers[0:6:1].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['[0:6:0]', '{.spec.containers[0:6:0].name}', six, anyError],
    ['[0:6:-1]', '{.spec.containers[0:6:-1].name}', six, anyError],
    ['[1:4:2]', '{.spec.containers[1:4:2].name}', six, 'fake1 fake3'],
    ['[1:4:3]', '{.spec.containers[1:4:3].name}', six, 'fake1'],
    ['[1:4:4]', '{.spec.containers[1:4:4].name}', six, 'fake1'],
    ['[0:6:2]', '{.spec.containers[0:6:2].name}', six, 'fake0 fake2 fake4'],
    ['[0:6:3]', '{.spec.containers[0:6:3].name}', six, 'fake0 fake3'],
    ['[0:6:5]', '{.spec.containers[0:6:5].name}', six, 'fake0 fake5'],
    ['[0:6:6]', '{.spec.containers[0:6:6].name}', six, 'fake0'],
  ])('TestStep %s', (...c) => check(c));
});

describe('parser (parser_test.go)', () => {
  test.each([
    ['unclosed action', '{.hello', 'unclosed action'],
    ['unrecognized character', '{*}', "unrecognized character in action: U+002A '*'"],
    ['invalid number', '{+12.3.0}', 'cannot parse number +12.3.0'],
    ['unterminated array', '{[1}', 'unterminated array'],
    ['unterminated filter', '{[?(.price]}', 'unterminated filter'],
    ['invalid multiple recursive descent', '{........}', 'invalid multiple recursive descent'],
  ])('TestFailParser %s', (_name, text, err) => {
    expect(() => new JsonPath(text)).toThrow(err);
  });

  test('malformed input is an error', () => {
    expect(() => new JsonPath('{\\\\\\}')).toThrow();
  });

  const os = (image: string) => ({ status: { nodeInfo: { osImage: image } } });
  test.each([
    ['paired parentheses in quotes', '{[?(@.status.nodeInfo.osImage == "()")].status.nodeInfo.osImage}', '()'],
    ['escaped double quotes', '{[?(@.status.nodeInfo.osImage == "(\\"\\")")].status.nodeInfo.osImage}', '("")'],
    ['unregular parentheses', '{[?(@.status.nodeInfo.osImage == "())(")].status.nodeInfo.osImage}', '())('],
    ['single quotes', "{[?(@.status.nodeInfo.osImage == 'Linux')].status.nodeInfo.osImage}", 'Linux'],
    ['filter suffix', '{[?(@.status.nodeInfo.osImage == "{[()]}")].status.nodeInfo.osImage}', '{[()]}'],
    ['double inside single', `{[?(@.status.nodeInfo.osImage == "''")].status.nodeInfo.osImage}`, "''"],
    ['single inside double', `{[?(@.status.nodeInfo.osImage == '""')].status.nodeInfo.osImage}`, '""'],
    ['single containing escaped single', "{[?(@.status.nodeInfo.osImage == '\\\\\\'')].status.nodeInfo.osImage}", "\\'"],
  ])('quoted filter literal: %s', (_name, template, image) => {
    expect(run(template, [os('other'), os(image)])).toBe(image);
  });

  test("arrayfield {['jsonpath']} and {['book.price']}", () => {
    expect(run("hello {['jsonpath']}", { jsonpath: 'x' })).toBe('hello x');
    expect(run("{['book.price']}", { book: { price: 3 } })).toBe('3');
  });
});

describe('the seed filter and kubectl usage', () => {
  const node = { status: { addresses: [{ type: 'InternalIP', address: '192.168.10.100' }, { type: 'Hostname', address: 'k8s-ctr' }] } };
  test('[?(@.type=="InternalIP")]', () => {
    expect(run('{.status.addresses[?(@.type=="InternalIP")].address}', node)).toBe('192.168.10.100');
  });
  test('outputJson (jsonpath-as-json) prints the results as an indented JSON array', () => {
    const j = new JsonPath('{.status.addresses[*].type}');
    j.outputJson = true;
    expect(j.execute(node)).toBe('[\n    "InternalIP",\n    "Hostname"\n]\n');
  });
});
