import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { filterTopology } from '../graph/filter';
import { cluster, kubeService, loadBalancer, pod, service, subnet, targetGroup, task, topologyOf, workload } from '../graph/testTopology';
import { resourcesOf, type Resource, type Topology } from '../model';
import { assignColors, colorSlot, contrastRatio, relativeLuminance } from './colors';
import { NO_SERVICE_COLOR, SERVICE_PALETTE } from './theme';

const none = new Set<string>();

/** Every colour-carrying owner of a topology: its services, and its workloads outside the system namespaces. */
const owners = (t: Topology) => [
  ...resourcesOf(t, 'service').map((s) => s.id),
  ...resourcesOf(t, 'workload').flatMap((w) => (w.namespace === 'kube-system' ? [] : [w.id])),
];

/** CIE L*a*b* of a "#rrggbb" colour (D65), for the CIE76 colour difference. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] ?? 0)));

describe('the service palette', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('draws every colour at 3:1 or more against white, since borders and swatches sit on white', () => {
    for (const c of SERVICE_PALETTE) expect(contrastRatio(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('keeps every two colours, and each colour and the neutral one, far apart (CIE76 ΔE ≥ 15)', () => {
    const all = [...SERVICE_PALETTE, NO_SERVICE_COLOR];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThanOrEqual(15);
  });

  it('has enough colours for the demo, where every service and application workload shares a private subnet', () => {
    expect(SERVICE_PALETTE.length).toBeGreaterThanOrEqual(owners(demoTopology()).length);
  });
});

describe('assignColors', () => {
  it('gives every demo service and application workload its own colour; system workloads stay neutral', () => {
    const demo = demoTopology();
    const colors = assignColors(demo);
    const slots = owners(demo).map((id) => colorSlot(colors, id));
    expect(slots.every((s) => s >= 0 && s < SERVICE_PALETTE.length)).toBe(true);
    expect(new Set(slots).size).toBe(slots.length);
    for (const w of resourcesOf(demo, 'workload').filter((w) => w.namespace === 'kube-system')) expect(colorSlot(colors, w.id)).toBe(-1);
    expect(colorSlot(colors, undefined)).toBe(-1);
    expect(colorSlot(colors, 'arn:aws:ecs:us-east-1:123456789012:service/shop/gone')).toBe(-1);
  });

  it('never changes a colour when the namespace filter hides other owners', () => {
    const demo = demoTopology();
    const all = filterTopology(demo, { view: 'network', expanded: none });
    for (const hidden of ['orders', 'kube-system', 'batch']) {
      const some = filterTopology(demo, { view: 'network', expanded: none, hiddenNamespaces: new Set([hidden]) });
      const kept = owners(demo).filter((id) => !resourcesOf(demo, 'workload').some((w) => w.id === id && w.namespace === hidden));
      for (const id of kept) expect(some.colorOf(id), `${id} without ${hidden}`).toBe(all.colorOf(id));
    }
  });

  it('keeps every colour when a service is added in another cluster and subnet', () => {
    const demo = demoTopology();
    const before = assignColors(demo);
    const extra: Resource[] = [
      cluster('elsewhere', { activeServices: 1, runningTasks: 1 }),
      subnet('subnet-0elsewhere', 'us-east-1a', '10.9.0.0/24', false, { vpcId: 'vpc-elsewhere' }),
      service('elsewhere', 'newcomer'),
      task('elsewhere', 'newcomer', { subnetId: 'subnet-0elsewhere' }),
    ];
    const grown: Topology = { ...demo, resources: { ...demo.resources, ...Object.fromEntries(extra.map((r) => [r.id, r])) } };
    const after = assignColors(grown);
    for (const [id, slot] of before) expect(after.get(id), id).toBe(slot);
    expect(after.get(service('elsewhere', 'newcomer').id)).toBeGreaterThanOrEqual(0);
  });

  it('starts from the slot the id hashes to: owners with nothing in common spread over the palette, and one alone keeps its colour', () => {
    const alone = service('solo', 'web');
    const a = assignColors(topologyOf([alone]));
    const b = assignColors(topologyOf([service('other', 'api'), alone, service('third', 'api')]));
    expect(b.get(alone.id)).toBe(a.get(alone.id));
    const apart = Array.from({ length: 8 }, (_, i) => service(`cluster-${i}`, 'web'));
    const colors = assignColors(topologyOf(apart));
    expect(new Set(apart.map((s) => colors.get(s.id))).size).toBeGreaterThan(1);
  });

  it('parts owners that share a cluster, a subnet or a load balancer, and lets apart ones share', () => {
    const size = 2;
    // Two services per pair: same cluster; different clusters in one subnet; different clusters behind one ALB.
    const tg1 = targetGroup('tg-one', 'ip', []);
    const tg2 = targetGroup('tg-two', 'ip', []);
    const byCluster = [service('c1', 'a'), service('c1', 'b')];
    const bySubnet = [service('s1', 'a'), service('s2', 'b')];
    const tasks = bySubnet.map((s) => task(s.clusterArn.split('/')[1] ?? '', s.name, { subnetId: 'subnet-shared' }));
    const byLb = [service('l1', 'a', { loadBalancers: [{ targetGroupArn: tg1.id }] }), service('l2', 'b', { loadBalancers: [{ targetGroupArn: tg2.id }] })];
    const t = topologyOf([...byCluster, ...bySubnet, ...tasks, ...byLb, tg1, tg2, loadBalancer('shop', ['us-east-1a'], [tg1.id, tg2.id])]);
    const colors = assignColors(t, size);
    for (const [x, y] of [byCluster, bySubnet, byLb]) expect(colors.get(x?.id ?? ''), `${x?.id}`).not.toBe(colors.get(y?.id ?? ''));
  });

  it('parts workloads behind one load balancer through their Kubernetes Services, and in one subnet through their pods', () => {
    const tg1 = targetGroup('k8s-a', 'ip', []);
    const tg2 = targetGroup('k8s-b', 'ip', []);
    const [a, b] = [workload('eks-a', 'shop', 'a'), workload('eks-b', 'shop', 'b')];
    const [c, d] = [workload('eks-c', 'shop', 'c'), workload('eks-d', 'shop', 'd')];
    const t = topologyOf([
      a,
      b,
      c,
      d,
      tg1,
      tg2,
      loadBalancer('k8s', ['us-east-1a'], [tg1.id, tg2.id]),
      kubeService('eks-a', 'shop', 'a', { targetGroupArns: [tg1.id], workloadIds: [a.id] }),
      kubeService('eks-b', 'shop', 'b', { targetGroupArns: [tg2.id], workloadIds: [b.id] }),
      pod('eks-c', 'shop', 'c-1', { workloadId: c.id, subnetId: 'subnet-shared' }),
      pod('eks-d', 'shop', 'd-1', { workloadId: d.id, subnetId: 'subnet-shared' }),
    ]);
    const colors = assignColors(t, 2);
    expect(colors.get(a.id)).not.toBe(colors.get(b.id));
    expect(colors.get(c.id)).not.toBe(colors.get(d.id));
  });

  it('spreads repeats when more owners share a place than the palette holds', () => {
    const services = Array.from({ length: 9 }, (_, i) => service('busy', `s${i}`));
    const colors = assignColors(topologyOf(services), 3);
    const perSlot = [0, 1, 2].map((slot) => services.filter((s) => colors.get(s.id) === slot).length);
    expect(perSlot).toEqual([3, 3, 3]);
  });
});
