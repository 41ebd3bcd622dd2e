import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { buildGraph } from './buildGraph';
import { problems, type Problem } from './problems';
import { resourcesOf } from '../model';
import { problemBadge, problemsByNode } from './problemsByNode';

const demo = demoTopology();
const found = problems(demo);
const network = buildGraph(demo, { view: 'network', expanded: new Set() });
const byNode = problemsByNode(demo, found);
const kindsOn = (id: string) => (byNode.get(id) ?? []).map((p) => p.kind);

describe('problemsByNode', () => {
  it('puts each problem on its subject’s box: an under-replicated service, a workload’s gap and crash loop', () => {
    const api = network.nodes.find((n) => n.kind === 'service' && n.label === 'api');
    const payments = network.nodes.find((n) => n.kind === 'workload' && n.label === 'payments');
    if (!api || !payments) throw new Error('no api service or payments workload in the demo');
    expect(kindsOn(api.id)).toContain('underReplicated');
    expect(kindsOn(payments.id)).toEqual(expect.arrayContaining(['underReplicated', 'crashLoop']));
  });

  it('puts an unhealthy target group’s problem on the group and on the services it serves', () => {
    const tg = found.find((p) => p.kind === 'unhealthyTargets' && p.name === 'web-tg');
    const web = network.nodes.find((n) => n.kind === 'service' && n.label === 'web');
    if (!tg || !web) throw new Error('no unhealthy web-tg in the demo');
    expect(byNode.get(tg.subject)).toContain(tg);
    expect(byNode.get(web.id)).toContain(tg);
  });

  it('puts a degraded node group’s problem on every EKS node of the group, which stand for it on the map', () => {
    const degraded = found.find((p) => p.kind === 'nodeGroupDegraded');
    if (!degraded) throw new Error('no degraded node group in the demo');
    const nodes = resourcesOf(demo, 'eksNode').filter((n) => n.nodeGroupArn === degraded.subject);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(byNode.get(n.id), n.id).toContain(degraded);
    const other = resourcesOf(demo, 'eksNode').find((n) => n.nodeGroupArn !== degraded.subject);
    if (other) expect(byNode.get(other.id) ?? []).not.toContain(degraded);
  });

  it('lists a box’s problems once, critical first', () => {
    for (const [id, list] of byNode) {
      expect(new Set(list.map((p) => p.id)).size, id).toBe(list.length);
      const order = list.map((p) => (p.severity === 'critical' ? 0 : 1));
      expect(order, id).toEqual([...order].sort());
    }
  });
});

describe('problemBadge', () => {
  const p = (id: string, severity: Problem['severity'], title: string): Problem => ({
    id,
    kind: 'underReplicated',
    severity,
    subject: 's',
    name: 's',
    related: [],
    title,
    message: `${title}: look at its events.`,
  });

  it('says nothing for a box without problems', () => {
    expect(problemBadge([])).toBeUndefined();
  });

  it('counts the problems, takes the worst severity, and titles the badge with every message', () => {
    const badge = problemBadge([p('a', 'warning', '3/4 running'), p('b', 'critical', 'deployment failed')]);
    expect(badge).toEqual({
      severity: 'critical',
      text: '2',
      title: '3/4 running: look at its events.\ndeployment failed: look at its events.',
    });
    expect(problemBadge([p('a', 'warning', '3/4 running')])?.severity).toBe('warning');
  });
});
