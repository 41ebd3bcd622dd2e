import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { EksNode, Ingress, KubeService, Pod, Workload } from './eks';

/** A copy of a resource without one field, as a reader that lost it would hand over. */
const without = (r: object, field: string) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== field));
const demoOf = (kind: string) => Object.values(demoTopology().resources).filter((r) => r.kind === kind);

describe('the EKS and Kubernetes schemas', () => {
  it('accept the demo cluster’s nodes, pods, workloads, Services and Ingress unchanged', () => {
    const schemas = { eksNode: EksNode, pod: Pod, workload: Workload, kubeService: KubeService, ingress: Ingress };
    for (const [kind, schema] of Object.entries(schemas)) {
      const read = demoOf(kind);
      expect(read.length, kind).toBeGreaterThan(0);
      for (const r of read) expect(schema.parse(r)).toEqual(r);
    }
  });

  it('require a pod to say whether it runs on Fargate, and a Service which target groups and workloads it joins', () => {
    const [pod] = demoOf('pod');
    expect(Pod.safeParse(pod).success).toBe(true);
    expect(Pod.safeParse(without(Pod.parse(pod), 'fargate')).success).toBe(false);
    const [svc] = demoOf('kubeService');
    expect(KubeService.safeParse(svc).success).toBe(true);
    expect(KubeService.safeParse(without(KubeService.parse(svc), 'targetGroupArns')).success).toBe(false);
  });

  it('holds a pod’s start time in epoch milliseconds, as every time in the model', () => {
    const started = demoOf('pod').flatMap((p) => {
      const t = Pod.parse(p).startedAt;
      return t === undefined ? [] : [t];
    });
    expect(started.length).toBeGreaterThan(0);
    for (const t of started) expect(String(t)).toMatch(/^\d{13}$/);
  });

  it('keeps only the EC2 instance id of a worker node as its id (the join key pods and instance targets use)', () => {
    for (const n of demoOf('eksNode')) expect(EksNode.parse(n).id).toMatch(/^i-[0-9a-f]+$/);
  });
});
