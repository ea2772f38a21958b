// Bad input: each command's stderr and exit code as kubectl 1.33 prints them (texts from kubectl's
// cmdutil.CheckErr/StandardErrorMessage, cobra's and pflag's errors, cli-runtime's builder and
// EnhanceListError, and the apiserver's status messages), and the cluster left exactly as it was.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { week4 } from '../../support/week4.js';
import { kc } from './kubectl-harness.js';

const BAD_REPLICAS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad
spec:
  replicas: -1
  selector:
    matchLabels: {app: bad}
  template:
    metadata:
      labels: {app: bad}
    spec:
      containers:
      - name: c
        image: nginx
`;

const UNKNOWN_FIELD = `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: c
    image: i
    foo: 1
`;

type Case = readonly [line: string, stderr: string, exitCode: number, stdin?: string];

const CASES: Case[] = [
  ['kubectl gte', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', 1],
  ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
  ['kubectl version --foo', "error: unknown flag: --foo\nSee 'kubectl version --help' for usage.\n", 1],
  ['kubectl get -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", 1],
  ['kubectl get podz', 'error: the server doesn\'t have a resource type "podz"\n', 1],
  ['kubectl get pod x', 'Error from server (NotFound): pods "x" not found\n', 1],
  ['kubectl get pods x y', 'Error from server (NotFound): pods "x" not found\nError from server (NotFound): pods "y" not found\n', 1],
  ['kubectl get nodes k8s-w9', 'Error from server (NotFound): nodes "k8s-w9" not found\n', 1],
  ['kubectl get ns nope', 'Error from server (NotFound): namespaces "nope" not found\n', 1],
  ['kubectl delete pod x', 'Error from server (NotFound): pods "x" not found\n', 1],
  ['kubectl describe pod x', 'Error from server (NotFound): pods "x" not found\n', 1],
  ['kubectl exec nope -- ls', 'Error from server (NotFound): pods "nope" not found\n', 1],
  ['kubectl rollout restart ds/nope -n kube-system', 'Error from server (NotFound): daemonsets.apps "nope" not found\n', 1],
  ['kubectl rollout status deploy/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
  ['kubectl logs nope', 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', 1],
  ['kubectl logs curl-pod -c nope', 'error: container nope is not valid for pod curl-pod\n', 1],
  ['kubectl get pods -n nope', 'No resources found in nope namespace.\n', 0],
  [
    'kubectl get --field-selector foo=bar pods',
    'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
    1,
  ],
  [
    "kubectl get pods -l 'app in (a'",
    'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (a", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
    1,
  ],
  [
    'kubectl get pods -o foo',
    'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    1,
  ],
  ["kubectl get deploy webpod -o 'jsonpath={.spec.replicas'", 'error: error parsing jsonpath {.spec.replicas, unclosed action\n', 1],
  ['kubectl get pods -o custom-columns=NAME', 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n', 1],
  ['kubectl get pods --sort-by=.foo', 'error: couldn\'t find any field with path "{.foo}" in the list of objects\n', 1],
  [
    'kubectl get',
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    1,
  ],
  ['kubectl apply', 'error: must specify one of -f and -k\n', 1],
  ['kubectl apply -f /nope.yaml', 'error: the path "/nope.yaml" does not exist\n', 1],
  ['kubectl apply -f -', 'The Deployment "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n', 1, BAD_REPLICAS],
  [
    'kubectl apply -f -',
    'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo"\n',
    1,
    UNKNOWN_FIELD,
  ],
  [
    'kubectl apply -f -',
    'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    1,
    'apiVersion: v1\nmetadata:\n  name: x\n',
  ],
  [
    'kubectl apply -f -',
    'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    1,
    'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
  ],
  ['kubectl create ns default', 'Error from server (AlreadyExists): namespaces "default" already exists\n', 1],
  ['kubectl create deployment x', 'error: required flag(s) "image" not set\n', 1],
  [
    'kubectl delete',
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    1,
  ],
  ['kubectl delete pods', 'error: resource(s) were provided, but no name was specified\n', 1],
  ['kubectl exec curl-pod', 'error: you must specify at least one command for the container\n', 1],
  ['kubectl exec -it curl-pod ls', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", 1],
  ['kubectl exec curl-pod -c nope -- ls', 'error: container nope not found in pod curl-pod\n', 1],
  [
    'kubectl logs',
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    1,
  ],
  ['kubectl scale deploy webpod', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', 1],
  // scale.go RunScale: Visit keeps only infos without an error, so a missing object gives no NotFound.
  ['kubectl scale deploy/nonexist --replicas=2', 'error: no objects passed to scale\n', 1],
  ['kubectl rollout undo deploy/webpod --to-revision=5', 'error: unable to find specified revision 5 in history\n', 1],
  ["kubectl patch svc webpod --type=merge -p '{\"spec\":{\"type\":\"Bogus\"}}'", 'The Service "webpod" is invalid: spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n', 1],
  ['kubectl label pod curl-pod app=x', "error: 'app' already has a value (curl), and --overwrite is false\n", 1],
  ['kubectl config use-context nope', 'error: no context exists with the name: "nope"\n', 1],
  ['kubectl wait pod/curl-pod', 'error: --for must be one of "create", "delete", "condition=...", or "jsonpath=..."\n', 1],
];

/** What a user can change through kubectl: every object's spec/data/labels/annotations (not status). */
function userState(lab: Lab): string {
  return lab.k8s.api
    .allObjects()
    .filter((o) => o.kind !== 'Event' && o.kind !== 'Lease')
    .map((o) => {
      const r = o as unknown as Record<string, unknown>;
      return JSON.stringify([o.kind, o.metadata.namespace, o.metadata.name, o.metadata.labels, o.metadata.annotations, r['spec'], r['data']]);
    })
    .sort()
    .join('\n');
}

let lab: Lab;
beforeAll(() => {
  lab = week4();
});

describe('errors: text, exit code, state unchanged', () => {
  test.for(CASES)("%s", async ([line, stderr, exitCode, stdin]) => {
    const before = userState(lab);
    const r = await kc(lab, line, stdin === undefined ? {} : { stdin });
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(exitCode);
    expect(r.stdout).toBe('');
    expect(userState(lab)).toBe(before);
  });

  test('a host without a kubeconfig: five memcache.go discovery errors (klog), then localhost:8080 refused', async () => {
    const r = await kc(lab, 'kubectl get pods', { host: 'k8s-w1' });
    const lines = r.stderr.split('\n');
    const klog = /^E\d{4} \d{2}:\d{2}:\d{2}\.\d{6} {1,7}\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"$/;
    for (const l of lines.slice(0, 5)) expect(l).toMatch(klog);
    expect(lines.slice(5)).toEqual(['The connection to the server localhost:8080 was refused - did you specify the right host or port?', '']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
  });

  test('without a kubeconfig, commands that skip discovery print only the refusal', async () => {
    const r = await kc(lab, 'kubectl version', { host: 'k8s-w1' });
    expect(r).toEqual({ stdout: 'Client Version: v1.33.2\nKustomize Version: v5.6.0\n', stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', exitCode: 1 });
  });

  test('a missing jsonpath key prints nothing (allow-missing-template-keys defaults to true)', async () => {
    const r = await kc(lab, "kubectl get pods -o 'jsonpath={.items[0].foo}'");
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('a missing key is an error with --allow-missing-template-keys=false', async () => {
    const r = await kc(lab, "kubectl get pod curl-pod -o 'jsonpath={.foo}' --allow-missing-template-keys=false");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error executing jsonpath "\{\.foo\}": Error executing template: foo is not found\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.foo\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", /);
  });

  test('-o yaml with a missing name still prints the empty List, then the error', async () => {
    const r = await kc(lab, 'kubectl get pods -o yaml x');
    expect(r.stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('manifests: validation and decoding', () => {
  test('apply on a host without a kubeconfig: the OpenAPI download for validation fails first', async () => {
    const r = await kc(lab, 'kubectl apply -f -', { host: 'k8s-w1', stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' });
    expect(r).toEqual({
      stdout: '',
      stderr:
        'error: error validating "STDIN": error validating data: failed to download openapi: Get "http://localhost:8080/openapi/v2?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused; if you choose to ignore these errors, turn validation off with --validate=false\n',
      exitCode: 1,
    });
  });

  test('delete -f decodes without a schema: a missing kind is "Object \'Kind\' is missing"', async () => {
    const r = await kc(lab, 'kubectl delete -f -', { stdin: 'metadata:\n  name: x\napiVersion: v1\n' });
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to decode "STDIN": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x"}}\'\n', exitCode: 1 });
  });

  test('--validate=false skips the kind/apiVersion checks; the mapping fails instead', async () => {
    const r = await kc(lab, 'kubectl apply --validate=false -f -', { stdin: 'kind: Pod\nmetadata:\n  name: x\n' });
    expect(r.stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Pod" in version ""\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
  });
});
