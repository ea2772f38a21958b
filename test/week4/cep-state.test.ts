// Every CiliumEndpoint reads `ready` once its agent has synced (the seed's `kubectl get ciliumendpoints`
// shows ready for each pod), including the pods whose CNI ADD ran while the agent was still starting —
// at the lab's start and again after `rollout restart ds/cilium`.

import { expect, test } from 'vitest';
import { switchToVxlan, week4 } from '../support/week4.js';

const states = (lab: ReturnType<typeof week4>) => lab.k8s.api.list('CiliumEndpoint', {}).map((c) => `${c.metadata.namespace}/${c.metadata.name} ${String((c as { status?: { state?: string } }).status?.state)}`);

test('CiliumEndpoints are ready after the start and after the agents restart', () => {
  const lab = week4();
  expect(states(lab).filter((s) => !s.endsWith(' ready'))).toEqual([]);
  expect(states(lab).length).toBeGreaterThan(4);
  switchToVxlan(lab);
  expect(states(lab).filter((s) => !s.endsWith(' ready'))).toEqual([]);
});
