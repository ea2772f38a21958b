// Layer lab: lab files, building a lab from one, and the running Lab — the library API of ciliumlab.
export { Lab } from './lab.js';
export { buildLab, type BuildOptions } from './build-lab.js';
export * from './lab-file/index.js';
export { CURL_POD_YAML, WEBPOD_YAML } from './seed-workloads.js';
