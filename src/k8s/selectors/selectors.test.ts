// Table tests for label selectors (labels.Parse grammar and errors, LabelSelector objects) and
// field selectors (fields.ParseSelector, per-kind field labels).

import { describe, expect, it } from 'vitest';
import { fromLabelSelector, matches, parseSelector, SelectorParseError } from './label-selector.js';
import { checkFieldLabels, matchesFields, parseFieldSelector } from './field-selector.js';
import { completeResourceType } from '../resource-registry.js';
import { BUILTIN_RESOURCES } from '../builtin-resources.js';
import { K8sError } from '../errors.js';

const L = { app: 'webpod', tier: 'web', 'pod-template-hash': '697b545f57' };

describe('label selector strings', () => {
  const cases: [string, boolean][] = [
    ['', true],
    ['app=webpod', true],
    ['app==webpod', true],
    ['app!=webpod', false],
    ['app=curl', false],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app in (webpod, curl)', true],
    ['app notin (webpod)', false],
    ['missing notin (x)', true],
    ['app=webpod,tier=web', true],
    ['app=webpod,tier=db', false],
    ['tier in (web),!missing,app', true],
    ['app in ()', false],
  ];
  it.each(cases)('%s → %s', (sel, want) => {
    expect(matches(parseSelector(sel), L)).toBe(want);
  });

  // Messages from k8s.io/apimachinery/pkg/labels/selector.go (Parser.parse and friends).
  const errors: [string, string][] = [
    ['app=webpod,', "found '', expected: identifier after ','"],
    ['app in webpod', "unable to parse requirement: found 'webpod' expected: '('"],
    ['!app=x', "found '=', expected: ',' or 'end of string'"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['app in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
  ];
  it.each(errors)('%s fails with %s', (sel, msg) => {
    expect(() => parseSelector(sel)).toThrow(SelectorParseError);
    expect(() => parseSelector(sel)).toThrow(msg);
  });
});

describe('LabelSelector objects', () => {
  it.each([
    [{ matchLabels: { app: 'webpod' } }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'In' as const, values: ['sample-app'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values: ['sample-app'] }] }, true],
    [{ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' as const }] }, true],
    [{}, true],
  ])('%j → %s', (ls, want) => {
    expect(matches(fromLabelSelector(ls), L)).toBe(want);
  });
  it('a missing selector matches nothing', () => {
    expect(matches(fromLabelSelector(undefined), L)).toBe(false);
  });
});

describe('field selectors', () => {
  const pods = completeResourceType(BUILTIN_RESOURCES.find((r) => r.kind === 'Pod') ?? BUILTIN_RESOURCES[0] ?? { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true });
  const pod = { metadata: { name: 'webpod-1', namespace: 'default' }, spec: { nodeName: 'k8s-w0', hostNetwork: false }, status: { phase: 'Running', podIP: '172.20.2.63' } };
  it.each([
    ['spec.nodeName=k8s-w0', true],
    ['spec.nodeName==k8s-w0', true],
    ['spec.nodeName!=k8s-w0', false],
    ['spec.nodeName=k8s-w0,status.phase=Running', true],
    ['status.phase=Pending', false],
    ['metadata.name=webpod-1,metadata.namespace=default', true],
    ['spec.hostNetwork=false', true],
    ['status.podIP=172.20.2.63', true],
  ])('%s → %s', (sel, want) => {
    const fs = parseFieldSelector(sel);
    checkFieldLabels(pods, fs);
    expect(matchesFields(pod, fs)).toBe(want);
  });
  it('rejects unsupported field labels like the apiserver', () => {
    expect(() => checkFieldLabels(pods, parseFieldSelector('spec.foo=bar'))).toThrow(new K8sError('BadRequest', 'field label not supported: spec.foo'));
  });
  it('rejects terms without an operator', () => {
    expect(() => parseFieldSelector('spec.nodeName')).toThrow("invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'");
  });
});
