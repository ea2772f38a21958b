// Layer lab (lab file): the public API of the lab file: load YAML text into a LabSpec (or errors with
// file:line:column), the default lab, the JSON Schema, and the constants a lab builder needs.
// Everything here is pure (no node:*), so it runs in the browser too.

export { loadLabFile, loadLabFileOrThrow, formatFieldPath, type LoadLabResult } from './load-lab-file.js';
export { LabFileError, formatLabFileErrors, LAB_FILE_ERROR_CODES, type LabFileErrorCode, type LabFileErrorInit } from './lab-file-error.js';
export { DEFAULT_LAB_TEXT, DEFAULT_LAB_FILE_NAME, loadDefaultLab } from './default-lab.js';
export { labFileJsonSchema } from './lab-file-json-schema.js';
export { labFileSchema } from './lab-file-schema.js';
export { ciliumChartSettings, helmValueAt, helmBool, type CiliumChartSettings } from './cilium-values.js';
export { planPodCidrs } from './check-cilium-ipam.js';
export { parseDuration, formatDuration } from './duration.js';
export { VBOX_NAT, VBOX_ALTNAMES, DEFAULT_MTU, type InterfaceType } from './interface-schema.js';
export { DEFAULT_KERNEL_CONFIG, DEFAULT_KERNEL_RELEASE } from './kernel-defaults.js';
export type { HostRole } from './host-schema.js';
export type {
  LabSpec,
  ClockSpec,
  NetworkSpec,
  HostSpec,
  KernelSpec,
  InterfaceSpec,
  RouteSpec,
  EtcHostsEntry,
  HostServiceSpec,
  KubernetesSpec,
  KubeNodeSpec,
  AddonSpec,
  CiliumSpec,
  CiliumPinSpec,
  Manifest,
  ManifestMetadata,
  JsonValue,
  HelmValue,
  HelmValues,
} from './lab-spec.js';
