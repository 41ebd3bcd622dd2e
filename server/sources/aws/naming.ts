/**
 * Short names for the resources an error is about, so one error for many of them ("3 clusters: a, b, c") still
 * says which. Calls name their resource by ARN, by name (EKS) or by a comma-separated list of ids (EC2 batches).
 */
interface Kind {
  one: string;
  many: string;
  /** The short name from the ARN's resource part, split on "/" */
  name: (parts: string[]) => string | undefined;
}

/** By the resource type of an ARN (arn:aws:<service>:<region>:<account>:<type>/<…>). */
const ARN_KINDS: Record<string, Kind> = {
  cluster: { one: 'cluster', many: 'clusters', name: (p) => p[1] },
  service: { one: 'service', many: 'services', name: (p) => p.at(-1) },
  task: { one: 'task', many: 'tasks', name: (p) => p.at(-1) },
  'task-definition': { one: 'task definition', many: 'task definitions', name: (p) => p[1] },
  'container-instance': { one: 'container instance', many: 'container instances', name: (p) => p.at(-1) },
  targetgroup: { one: 'target group', many: 'target groups', name: (p) => p[1] },
  // loadbalancer/app/<name>/<id>, listener/app/<name>/<lb id>/<id>
  loadbalancer: { one: 'load balancer', many: 'load balancers', name: (p) => p[2] },
  listener: { one: 'listener', many: 'listeners', name: (p) => (p[2] && p[4] ? `${p[2]}/${p[4]}` : undefined) },
  'listener-rule': { one: 'rule', many: 'rules', name: (p) => p.at(-1) },
};

/** By the prefix of an EC2 id. */
const ID_KINDS: [RegExp, Kind][] = [
  [/^i-/, { one: 'instance', many: 'instances', name: () => undefined }],
  [/^subnet-/, { one: 'subnet', many: 'subnets', name: () => undefined }],
  [/^vpc-/, { one: 'VPC', many: 'VPCs', name: () => undefined }],
];

const SOME: Kind = { one: 'resource', many: 'resources', name: () => undefined };
/** Names listed before "and N more": an error line stays readable for a thousand task definitions. */
const MAX_NAMES = 20;

function kindAndName(resource: string): { kind: Kind; name: string } {
  const arn = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:(.+)$/.exec(resource);
  if (arn?.[1]) {
    const parts = arn[1].split('/');
    const kind = ARN_KINDS[parts[0] ?? ''];
    if (kind) return { kind, name: kind.name(parts) ?? resource };
    return { kind: SOME, name: resource };
  }
  const byId = ID_KINDS.find(([re]) => re.test(resource));
  return { kind: byId ? byId[1] : SOME, name: resource };
}

/** The resources one grouped error is about: the resource itself when there is one, else "N kinds: a, b, …". */
export function describeResources(resources: readonly string[]): string {
  // A batch call names its ids or ARNs joined by commas (neither holds one): each is a resource of its own.
  const unique = [...new Set(resources.flatMap((r) => r.split(',')))];
  const [only] = unique;
  if (unique.length === 1 && only !== undefined) return only;
  const named = unique.map(kindAndName);
  const kinds = new Set(named.map((n) => n.kind));
  const [kind] = kinds;
  const noun = kinds.size === 1 && kind ? kind.many : SOME.many;
  const names = named.map((n) => n.name).sort((a, b) => a.localeCompare(b));
  const shown = names.slice(0, MAX_NAMES).join(', ');
  const more = names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '';
  return `${names.length} ${noun}: ${shown}${more}`;
}
