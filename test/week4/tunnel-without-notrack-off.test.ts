// The seed's helm upgrade sets installNoConntrackIptablesRules=false along with routingMode=tunnel. Leave it
// out and the restarted agents exit at start (daemon_main.go initEnv: "install-no-conntrack-iptables-rules
// requires the agent to run in direct routing mode."): the rollout stalls with the agent pods not Ready,
// the reason is in the agent's log, the agent containers crash-loop, and the nodes whose agents were not restarted yet keep native routing.

import { expect, test } from 'vitest';
import { week4 } from '../support/week4.js';
import { kc } from '../tools/kubectl/kubectl-harness.js';

test('tunnel mode with installNoConntrackIptablesRules still true: agents exit, rollout stalls', async () => {
  const lab = week4();
  lab.setCiliumValues({ ...lab.ciliumValues, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false });
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  lab.runFor(120_000_000);
  const agents = [...lab.agents.values()];
  const crashed = agents.filter((a) => a.phase === 'crashed');
  expect(crashed.length).toBeGreaterThan(0);
  for (const a of crashed) {
    expect(a.log.records.at(-1)?.msg).toBe('install-no-conntrack-iptables-rules requires the agent to run in direct routing mode.');
  }
  expect(agents.some((a) => a.dp?.config.routingMode === 'tunnel')).toBe(false);
  const pods = lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' });
  const notReady = pods.filter((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True');
  expect(notReady.length).toBe(crashed.length);
  // The agent process starts, exits 1 and is restarted with back-off: CrashLoopBackOff, restarts counting up.
  for (const p of notReady) {
    const cs = p.status?.containerStatuses?.find((c) => c.name === 'cilium-agent');
    expect(cs?.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  }
  expect(notReady.some((p) => p.status?.containerStatuses?.find((c) => c.name === 'cilium-agent')?.state?.waiting?.reason === 'CrashLoopBackOff')).toBe(true);
  // kubectl logs of a container waiting to restart shows its last run (kubelet's validateContainerLogStatus).
  const logs = await kc(lab, `kubectl -n kube-system logs ${notReady[0]?.metadata.name ?? ''} --tail 1`);
  expect(logs.stdout).toMatch(/^time=\S+ level=error msg="install-no-conntrack-iptables-rules requires the agent to run in direct routing mode\." subsys=daemon\n$/);
});
