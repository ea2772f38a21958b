// kubectl's text building blocks against their Go originals' own tests: text/tabwriter (liggitt/tabwriter
// tabwriter_test.go: the space-padded `tests` table in tabwriter-cases.json and TestMultiWrite, which uses
// kubectl's parameters), duration.HumanDuration / ShortHumanDuration (apimachinery duration_test.go),
// resource.Quantity canonical strings, encoding/json and go-yaml v2 output.

import { describe, expect, test } from 'vitest';
import cases from './tabwriter-cases.json' with { type: 'json' };
import { Tabwriter } from '../../../src/tools/kubectl/text/tabwriter.js';
import { humanDuration, shortHumanDuration } from '../../../src/tools/kubectl/text/human-duration.js';
import { formatQuantity, parseQuantity, addQuantity, ZERO } from '../../../src/tools/kubectl/text/quantity.js';
import { goJson, goJsonIndent } from '../../../src/tools/kubectl/text/go-json.js';
import { goYaml } from '../../../src/tools/kubectl/text/go-yaml.js';
import { goFloatG, goSharpV } from '../../../src/tools/kubectl/text/go-fmt.js';

describe('tabwriter (liggitt/tabwriter tabwriter_test.go)', () => {
  test.each(cases)('$name', (c) => {
    let out = '';
    const tw = new Tabwriter((s) => (out += s), { minwidth: c.minwidth, tabwidth: c.tabwidth, padding: c.padding, rememberWidths: false, padchar: c.padchar });
    tw.write(c.src);
    tw.flush();
    expect(out).toBe(c.expected);
  });

  test('TestMultiWrite: minwidth 6, tabwidth 4, padding 3, RememberWidths (kubectl get -w)', () => {
    let out = '';
    const tw = new Tabwriter((s) => (out += s));
    tw.write('First\tMiddle\tLast\n');
    tw.write('a\tbb\tccc\n');
    tw.write('ddd\teeeeeeeeeeeeee\tf\n');
    tw.flush();
    tw.write('g\th\ti\n');
    tw.flush();
    tw.write('j\t\t\n');
    tw.flush();
    tw.write('\tk\t\n');
    tw.flush();
    tw.write('\t\tl\n');
    tw.flush();
    tw.write('mmmmmmmmmmmmmmm\tnnn\tooo\n');
    tw.flush();
    expect(out).toBe(
      [
        'First   Middle           Last\n',
        'a       bb               ccc\n',
        'ddd     eeeeeeeeeeeeee   f\n',
        'g       h                i\n',
        'j                        \n',
        '        k                \n',
        '                         l\n',
        'mmmmmmmmmmmmmmm   nnn              ooo\n',
      ].join(''),
    );
    tw.forgetWidths();
    out = '';
    tw.write('sssss\tt\tu\n');
    tw.flush();
    expect(out).toBe('sssss   t     u\n');
  });
});

describe('HumanDuration (apimachinery duration_test.go)', () => {
  const S = 1_000_000;
  const M = 60 * S;
  const H = 60 * M;
  const D = 24 * H;
  const Y = 365 * D;
  test.each([
    [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'], [(8 * 24 + 2) * H, '8d'],
    [367 * D, '367d'], [2 * Y + 25 * H, '2y1d'], [8 * Y + 2 * H, '8y'], [-2 * S, '<invalid>'], [-2 * S + 1, '0s'], [0, '0s'], [S - 1000, '0s'],
    [2 * M - 1000, '119s'], [2 * M, '2m'], [2 * M + S, '2m1s'], [10 * M - 1000, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1000, '179m'],
    [3 * H, '3h'], [3 * H + M, '3h1m'], [8 * H - 1000, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'], [2 * D - 1000, '47h'], [2 * D, '2d'],
    [2 * D + H, '2d1h'], [8 * D - 1000, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'], [2 * Y - 1000, '729d'], [2 * Y, '2y'], [2 * Y + 23 * H, '2y'],
    [2 * Y + D, '2y1d'], [3 * Y, '3y'], [7 * Y, '7y'], [8 * Y - 1000, '7y364d'], [8 * Y, '8y'], [8 * Y + 364 * D, '8y'], [9 * Y, '9y'],
  ])('%d µs is %s', (us, want) => expect(humanDuration(us)).toBe(want));

  test.each([
    [S, '1s'], [2 * S - 1000, '1s'], [M - 1000, '59s'], [M, '1m'], [H - 1000, '59m'], [H, '1h'], [24 * H - 1000, '23h'], [D, '1d'], [365 * D, '1y'],
  ])('ShortHumanDuration(%d µs) is %s', (us, want) => expect(shortHumanDuration(us)).toBe(want));
});

describe('resource.Quantity', () => {
  test.each([
    ['100m', '100m'], ['1000m', '1'], ['1500m', '1500m'], ['0.1', '100m'], ['2000', '2k'], ['70Mi', '70Mi'], ['1476608Ki', '1442Mi'],
    ['2030524Ki', '2030524Ki'], ['31270768Ki', '31270768Ki'], ['28819139788', '28819139788'], ['0', '0'], ['512', '512'],
  ])('%s prints as %s', (input, want) => expect(formatQuantity(parseQuantity(input) ?? ZERO)).toBe(want));

  test('sums keep the first operand\'s format', () => {
    expect(formatQuantity(addQuantity(parseQuantity('100m') ?? ZERO, parseQuantity('100m') ?? ZERO))).toBe('200m');
    expect(formatQuantity(addQuantity(parseQuantity('70Mi') ?? ZERO, parseQuantity('170Mi') ?? ZERO))).toBe('240Mi');
  });
});

describe('encoding/json and fmt', () => {
  test('keys sorted, HTML escaped, MarshalIndent with 4 spaces', () => {
    expect(goJson({ b: 1, a: '<&>', c: [], d: {} })).toBe('{"a":"\\u003c\\u0026\\u003e","b":1,"c":[],"d":{}}');
    expect(goJsonIndent({ kind: 'List', items: [{ x: null }] })).toBe('{\n    "items": [\n        {\n            "x": null\n        }\n    ],\n    "kind": "List"\n}');
  });

  test('floats print in strconv shortest form', () => {
    expect(goFloatG(0.5)).toBe('0.5');
    expect(goFloatG(1234567.5)).toBe('1.2345675e+06');
    expect(goFloatG(0.00001)).toBe('1e-05');
  });

  test('%#v of decoded JSON', () => {
    expect(goSharpV({ items: [], kind: 'List', n: 3, ok: true, x: null })).toBe('map[string]interface {}{"items":[]interface {}{}, "kind":"List", "n":3, "ok":true, "x":interface {}(nil)}');
  });
});

describe('go-yaml v2 (sigs.k8s.io/yaml) output', () => {
  test('keys sorted, sequences not indented under their key, quoting of ambiguous scalars, flow empties', () => {
    const doc = {
      kind: 'Pod',
      metadata: { labels: { 'k8s-app': 'true', app: 'web' }, creationTimestamp: '2025-08-03T10:38:00Z', resourceVersion: '159', annotations: { e: '', star: '*', n: 'no' } },
      spec: { containers: [{ name: 'c', args: ['-f', '/dev/null'], ports: [{ containerPort: 80 }], resources: {} }], tolerations: [] },
      status: { n: null },
    };
    expect(goYaml(doc)).toBe(`kind: Pod
metadata:
  annotations:
    e: ""
    "n": "no"
    star: '*'
  creationTimestamp: "2025-08-03T10:38:00Z"
  labels:
    app: web
    k8s-app: "true"
  resourceVersion: "159"
spec:
  containers:
  - args:
    - -f
    - /dev/null
    name: c
    ports:
    - containerPort: 80
    resources: {}
  tolerations: []
status:
  "n": null
`);
  });

  test('a value ending in a newline is a literal block (the last-applied annotation)', () => {
    expect(goYaml({ a: { 'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n' }, b: 'x' })).toBe('a:\n  kubectl.kubernetes.io/last-applied-configuration: |\n    {"a":1}\nb: x\n');
  });

  test('long plain strings fold after column 80', () => {
    const long = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const out = goYaml({ message: long });
    expect(out.split('\n')[0]?.length).toBeGreaterThan(80);
    expect(out.split('\n')[1]?.startsWith('  word')).toBe(true);
  });
});
