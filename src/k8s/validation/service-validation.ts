// Layer k8s: Service validation (pkg/apis/core/validation/validation.go ValidateService,
// validateServicePort, ValidateServiceUpdate) with the real field paths and messages.

import type { Service, ServicePort } from '../objects/core.js';
import { parseIpv4 } from '../../addr/ipv4-addr.js';
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from './field-error.js';
import { goQuote, goStringSlice } from './go-format.js';
import { validateLabels } from './meta-validation.js';
import { isDns1123Label, isValidPortName, isValidPortNum } from './names.js';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** %#v of the internal core.ServicePort, as a Duplicate error prints it. */
export function goServicePort(p: ServicePort): string {
  const tp = p.targetPort ?? p.port;
  const intstr =
    typeof tp === 'number'
      ? `intstr.IntOrString{Type:0, IntVal:${tp}, StrVal:""}`
      : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(tp)}}`;
  const app = p.appProtocol === undefined ? '(*string)(nil)' : `(*string)(${goQuote(p.appProtocol)})`;
  return `core.ServicePort{Name:${goQuote(p.name ?? '')}, Protocol:${goQuote(p.protocol ?? '')}, AppProtocol:${app}, Port:${p.port}, TargetPort:${intstr}, NodePort:${p.nodePort ?? 0}}`;
}

function validatePort(p: ServicePort, path: string, requireName: boolean, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`));
  else if (p.name) {
    for (const m of isDns1123Label(p.name)) errs.push(invalidValue(`${path}.name`, p.name, m));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    names.add(p.name);
  }
  for (const m of isValidPortNum(p.port)) errs.push(invalidValue(`${path}.port`, p.port, m));
  if (!p.protocol) errs.push(required(`${path}.protocol`));
  else if (!(PROTOCOLS as readonly string[]).includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const tp = p.targetPort;
  if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(invalidValue(`${path}.targetPort`, tp, m));
  else if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(invalidValue(`${path}.targetPort`, tp, m));
  return errs;
}

function validateClusterIPs(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  (svc.spec.clusterIPs ?? []).forEach((ip, i) => {
    if (ip !== 'None' && ip !== '' && parseIpv4(ip) === undefined) errs.push(invalidValue(`spec.clusterIPs[${i}]`, ip, IP_MSG));
  });
  if (svc.spec.clusterIP && svc.spec.clusterIPs && svc.spec.clusterIPs[0] !== svc.spec.clusterIP)
    errs.push(invalidValue('spec.clusterIPs', { goSyntax: goStringSlice(svc.spec.clusterIPs) }, 'first value must match `clusterIP`'));
  return errs;
}

/** ValidateService: spec checks after defaulting. */
export function validateServiceSpec(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec;
  const type = spec.type ?? 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'ExternalName' && !spec.externalName) errs.push(required('spec.externalName'));
  const names = new Set<string>();
  const seen: string[] = [];
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    errs.push(...validatePort(p, pp, ports.length > 1, names));
    if (p.nodePort && type === 'ClusterIP') errs.push(forbiddenField(`${pp}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    const key = `${p.port}/${p.protocol ?? ''}`;
    // The duplicate key is a ServicePort holding only Protocol and Port.
    const dupKey: ServicePort = { port: p.port, targetPort: 0 };
    if (p.protocol) dupKey.protocol = p.protocol;
    if (seen.includes(key)) errs.push(duplicate(pp, { goSyntax: goServicePort(dupKey) }));
    seen.push(key);
  });
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateClusterIPs(svc));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (parseIpv4(ip) === undefined) errs.push(invalidValue(`spec.externalIPs[${i}]`, ip, IP_MSG));
  });
  return errs;
}

/** ValidateServiceUpdate: clusterIPs are immutable once set (except to or from ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateServiceSpec(svc);
  const oldIPs = old.spec.clusterIPs ?? [];
  const newIPs = svc.spec.clusterIPs ?? [];
  const toExternal = svc.spec.type === 'ExternalName';
  if (!toExternal && oldIPs.length > 0 && newIPs.length > 0 && oldIPs[0] !== newIPs[0])
    errs.push(invalidValue('spec.clusterIPs[0]', { goSyntax: goStringSlice(newIPs) }, 'may not change once set'));
  return errs;
}
