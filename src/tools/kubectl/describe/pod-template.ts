// Layer tools (kubectl): DescribePodTemplate — the "Pod Template:" block of deployment, replica set and
// daemon set descriptions, and `kubectl rollout history --revision=N`.

import type { PodTemplateSpec } from '../../../k8s/index.js';
import { printAnnotations, printLabels, printTolerations } from './common.js';
import { describeContainers, describeVolumes } from './containers.js';
import type { PrefixWriter } from './prefix-writer.js';

export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined, tz: string): void {
  w.write(0, 'Pod Template:\n');
  if (!template) return w.write(1, '<unset>');
  printLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotations(w, '  Annotations', template.metadata?.annotations);
  if (template.spec.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if ((template.spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', template.spec.initContainers ?? [], undefined, '  ', tz);
  describeContainers(w, 'Containers', template.spec.containers, undefined, '  ', tz);
  describeVolumes(w, template.spec.volumes, '  ');
  if (template.spec.priorityClassName) w.write(1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  printLabels(w, '  Node-Selectors', template.spec.nodeSelector);
  printTolerations(w, 'Tolerations', template.spec.tolerations, '  ');
}
