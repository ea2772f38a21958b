// The two manifests the seed applies (kept with the lab: src/lab/seed-workloads.ts).

export { CURL_POD_YAML, WEBPOD_YAML } from '../../src/lab/seed-workloads.js';
