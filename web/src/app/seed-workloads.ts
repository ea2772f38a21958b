// web (app): the seed's two `kubectl apply` heredocs (the webpod Deployment and Service, and curl-pod on
// k8s-ctr), as a person pastes them into the terminal on the control plane.

import { CURL_POD_YAML, WEBPOD_YAML } from '../../../src/index.browser.js';

const WEBPOD = `cat << EOF | kubectl apply -f -\n${WEBPOD_YAML}EOF`;
const CURL_POD = `cat <<EOF | kubectl apply -f -\n${CURL_POD_YAML}EOF`;

/** The lines to type, heredoc bodies included, then a wait until the pods are ready. */
export const SEED_WORKLOAD_LINES: readonly string[] = [...WEBPOD.split('\n'), ...CURL_POD.split('\n'), 'kubectl wait --for=condition=Ready pod --all --timeout=120s'];
