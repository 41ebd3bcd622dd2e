import type { ContainerDefinition, KubeContainer, Resource, TaskDefinition, Topology } from '../model';

export const REDACTED = '[redacted]';

/** Log driver options known to carry no credential; every other option's value is redacted. */
const SAFE_LOG_OPTIONS = new Set([
  'awslogs-group',
  'awslogs-region',
  'awslogs-stream-prefix',
  'awslogs-create-group',
  'awslogs-datetime-format',
  'awslogs-multiline-pattern',
  'mode',
  'max-buffer-size',
]);

/** Argument or key names whose values are treated as credentials wherever they appear. */
const SENSITIVE_NAME = /(pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth)/i;

/** Credential shapes found in free text: AWS keys, Stripe/Slack/GitHub style tokens, URL user-info, JWTs. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(sk|rk|pk)_(live|test)_[0-9A-Za-z_]+/g,
  /\bxox[abprs]-[0-9A-Za-z-]+/g,
  /\bgh[pousr]_[0-9A-Za-z]{20,}/g,
  /\beyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]+/g,
];
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
const NAMED_VALUE = /([A-Za-z0-9_.-]*?(pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|credential)[A-Za-z0-9_.-]*\s*=\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi;

/** Replaces anything in free text that looks like a credential; leaves the rest readable. */
export function scrubText(text: string): string {
  let out = text.replace(URL_USERINFO, `$1${REDACTED}@`);
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.replace(NAMED_VALUE, (_m, prefix: string) => `${prefix}${REDACTED}`);
}

const KNOWN_TYPES = new Set(['secret', 'parameter', 'key', 'role', 'task-definition', 'fsx', 'file-system', 'access-point']);

/**
 * An ARN with its account and resource path hidden: the kind of reference stays visible
 * (arn:aws:secretsmanager:us-east-1:****:secret:****) but not where the secret lives.
 */
export function maskArn(value: string): string {
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return REDACTED;
  const service = parts[2] ?? '';
  const region = parts[3] ?? '';
  const resource = parts.slice(5).join(':');
  const type = resource.split(/[/:]/)[0] ?? '';
  // Only well-known resource types are kept; for S3 and the like the first segment is already the bucket name.
  const typed = KNOWN_TYPES.has(type) ? `${type}:****` : '****';
  return `arn:${parts[1] ?? 'aws'}:${service}:${region}:****:${typed}`;
}

function redactArgs(args: readonly string[]): string[] {
  let nextIsSecret = false;
  return args.map((arg) => {
    if (nextIsSecret) {
      nextIsSecret = false;
      return REDACTED;
    }
    const eq = arg.indexOf('=');
    if (arg.startsWith('-') && eq < 0 && SENSITIVE_NAME.test(arg)) nextIsSecret = true;
    if (eq > 0 && SENSITIVE_NAME.test(arg.slice(0, eq))) return `${arg.slice(0, eq + 1)}${REDACTED}`;
    return scrubText(arg);
  });
}

function redactContainer(c: ContainerDefinition): ContainerDefinition {
  const log = c.logConfiguration;
  return {
    ...c,
    environment: c.environment.map((e) => ({ name: e.name, value: REDACTED })),
    environmentFiles: c.environmentFiles.map(maskArn),
    secrets: c.secrets.map((s) => ({ name: s.name, value: maskArn(s.value) })),
    command: redactArgs(c.command),
    entryPoint: redactArgs(c.entryPoint),
    dockerLabels: Object.fromEntries(Object.keys(c.dockerLabels).map((k) => [k, REDACTED])),
    ...(c.repositoryCredentials === undefined ? {} : { repositoryCredentials: maskArn(c.repositoryCredentials) }),
    ...(log === undefined
      ? {}
      : {
          logConfiguration: {
            logDriver: log.logDriver,
            options: Object.fromEntries(Object.entries(log.options).map(([k, v]) => [k, SAFE_LOG_OPTIONS.has(k) ? v : REDACTED])),
            secretOptions: log.secretOptions.map((s) => ({ name: s.name, value: maskArn(s.value) })),
          },
        }),
    ...(c.healthCheck === undefined ? {} : { healthCheck: { ...c.healthCheck, command: redactArgs(c.healthCheck.command) } }),
  };
}

/** Every value that can carry a secret is redacted; names, images and sizes stay. */
export function redactTaskDefinition(td: TaskDefinition): TaskDefinition {
  return { ...td, containers: td.containers.map(redactContainer) };
}

/** A reference to a Secret, ConfigMap or field names where a value lives, not the value; anything else is redacted. */
const KUBE_REFERENCE = /^from (Secret|ConfigMap|field|resource) [^\s]+( key [^\s]+)?$/;

export function redactKubeContainer(c: KubeContainer): KubeContainer {
  return {
    ...c,
    env: c.env.map((e) => ({ name: e.name, value: KUBE_REFERENCE.test(e.value) ? e.value : REDACTED })),
    command: redactArgs(c.command),
    args: redactArgs(c.args),
  };
}

function redactResource(r: Resource): Resource {
  switch (r.kind) {
    case 'taskDefinition':
      return redactTaskDefinition(r);
    case 'pod':
      return { ...r, containers: r.containers.map(redactKubeContainer) };
    case 'workload':
      return { ...r, template: r.template.map(redactKubeContainer) };
    default:
      return r;
  }
}

/**
 * Redacts every task definition and pod template of a topology. Idempotent, so it can run at each edge a topology crosses (the
 * proxy's read, a snapshot opened from disk or dropped on the page, every export).
 */
export function redactTopology(topology: Topology): Topology {
  const resources: Topology['resources'] = {};
  for (const [id, r] of Object.entries(topology.resources)) resources[id] = redactResource(r);
  return { ...topology, resources };
}
