import { resourcesOf, type Topology } from '../model';
import { join, relations } from '../graph/relations';
import { SYSTEM_NAMESPACES } from '../graph/units';
import { SERVICE_PALETTE } from './theme';

/**
 * Who has which palette slot: every ECS service and application workload of the whole topology, so a filter never
 * changes a colour. Owners drawn side by side (the same cluster, the same subnet, the same load balancer) get
 * different slots whenever the palette has one free; each owner starts from a slot its id hashes to, so a service
 * added elsewhere leaves everyone else's colour alone.
 */

/** FNV-1a over the id: the same id gives the same preferred slot in every read, in every browser. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** What an owner is drawn beside: "cluster:<arn>", "subnet:<id>", "lb:<arn>". */
type Places = Map<string, Set<string>>;

function place(places: Places, owner: string, where: string) {
  const set = places.get(owner);
  if (set) set.add(where);
  else places.set(owner, new Set([where]));
}

/** Pure: the places each colour-carrying owner shares with others, in owner id order (services, then workloads). */
function placesOf(topology: Topology): Places {
  const places: Places = new Map();
  const lbsOfTg = new Map<string, Set<string>>();
  const tgLb = (tg: string, lb: string) => {
    const lbs = lbsOfTg.get(tg);
    if (lbs) lbs.add(lb);
    else lbsOfTg.set(tg, new Set([lb]));
  };
  for (const tg of resourcesOf(topology, 'targetGroup')) for (const lb of tg.loadBalancerArns) tgLb(tg.id, lb);
  for (const { from: lb, key: tg } of join(topology, relations.routes)) tgLb(tg, lb.id);

  for (const s of resourcesOf(topology, 'service')) {
    place(places, s.id, `cluster:${s.clusterArn}`);
    for (const subnet of s.networkConfiguration?.subnets ?? []) place(places, s.id, `subnet:${subnet}`);
  }
  for (const w of resourcesOf(topology, 'workload')) if (!SYSTEM_NAMESPACES.has(w.namespace)) place(places, w.id, `cluster:${w.clusterArn}`);
  // Tasks and pods sit in their subnets' boxes (EC2 tasks in their host's), beside every other owner's there.
  // One name per subnet, not one per task: thousands of tasks share a few subnets.
  const subnetNames = new Map<string, string>();
  const inSubnet = (owner: string, subnet: string) => {
    let where = subnetNames.get(subnet);
    if (where === undefined) subnetNames.set(subnet, (where = `subnet:${subnet}`));
    place(places, owner, where);
  };
  for (const t of resourcesOf(topology, 'task')) if (t.serviceArn && t.subnetId && places.has(t.serviceArn)) inSubnet(t.serviceArn, t.subnetId);
  for (const p of resourcesOf(topology, 'pod')) if (p.workloadId && p.subnetId && places.has(p.workloadId)) inSubnet(p.workloadId, p.subnetId);
  for (const { from: s, key: tg } of join(topology, relations.serviceTargetGroups)) for (const lb of lbsOfTg.get(tg) ?? []) place(places, s.id, `lb:${lb}`);
  for (const ks of resourcesOf(topology, 'kubeService'))
    for (const w of ks.workloadIds)
      if (places.has(w)) for (const tg of ks.targetGroupArns) for (const lb of lbsOfTg.get(tg) ?? []) place(places, w, `lb:${lb}`);
  return places;
}

const cache = new WeakMap<Topology['resources'], ReadonlyMap<string, number>>();

/**
 * Pure: the palette slot of every ECS service and application workload (system-namespace workloads are left out and
 * stay neutral). Owners take their turn in id order; each takes the first slot, from its hashed one round the
 * palette, that no owner already placed beside it holds; when every slot is held beside it, the slot held by the
 * fewest (counting an owner once per place shared), so the repeats spread out.
 */
export function assignColors(topology: Topology, size: number = SERVICE_PALETTE.length): ReadonlyMap<string, number> {
  const known = size === SERVICE_PALETTE.length ? cache.get(topology.resources) : undefined;
  if (known) return known;
  const places = placesOf(topology);
  /** Per place, how many owners placed there hold each slot */
  const held = new Map<string, number[]>();
  const out = new Map<string, number>();
  for (const owner of [...places.keys()].sort()) {
    const mine = [...(places.get(owner) ?? [])].map((p) => held.get(p) ?? new Array<number>(size).fill(0));
    const start = hashOf(owner) % size;
    let best = start;
    let fewest = Infinity;
    for (let step = 0; step < size && fewest > 0; step++) {
      const slot = (start + step) % size;
      const taken = mine.reduce((sum, counts) => sum + (counts[slot] ?? 0), 0);
      if (taken < fewest) [best, fewest] = [slot, taken];
    }
    out.set(owner, best);
    for (const p of places.get(owner) ?? []) {
      const counts = held.get(p) ?? new Array<number>(size).fill(0);
      counts[best] = (counts[best] ?? 0) + 1;
      held.set(p, counts);
    }
  }
  if (size === SERVICE_PALETTE.length) cache.set(topology.resources, out);
  return out;
}

/** Pure: the slot of a service or workload, -1 (neutral) for anything else: a system workload, an id not read. */
export function colorSlot(colors: ReadonlyMap<string, number>, id: string | undefined): number {
  return id === undefined ? -1 : (colors.get(id) ?? -1);
}

const channel = (hex: string, at: number) => {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
