import { readFile } from 'node:fs/promises';
import { hasAwsCredentials } from '../credentials';
import { startDemoSource } from '../demo';
import { parseInterval } from '../fake-aws/churn';
import { demoWorld } from '../fake-aws/demo';
import { DEFAULT_SIZE, generateWorld } from '../fake-aws/generate';
import type { World } from '../fake-aws/world';
import { DEFAULT_READ_TIMEOUT_MS } from '../sources/aws/deadline';
import { createAwsSource } from '../sources/aws/source';
import { createSnapshotSource } from '../sources/snapshot';
import type { TopologySource } from '../sources/types';
import { UsageError } from './usage';

/** Options that choose a fake AWS world, shared by `fake-aws` and `serve --source demo`. */
export const WORLD_OPTIONS = {
  world: { type: 'string' },
  clusters: { type: 'string' },
  services: { type: 'string' },
  tasks: { type: 'string' },
  'load-balancers': { type: 'string' },
  azs: { type: 'string' },
  seed: { type: 'string' },
  churn: { type: 'string' },
} as const;

/** Options that choose and configure a source, shared by serve, snapshot and export. */
export const SOURCE_OPTIONS = {
  source: { type: 'string' },
  file: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  'max-attempts': { type: 'string' },
  'read-timeout': { type: 'string' },
  kubeconfig: { type: 'string' },
  'kube-context': { type: 'string' },
  ...WORLD_OPTIONS,
} as const;

export function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  return n;
}

/** --read-timeout SECONDS as milliseconds (default 120 s); fractions allowed, zero and negatives refused. */
export function readTimeoutMs(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_READ_TIMEOUT_MS;
  const s = Number(value);
  if (value.trim() === '' || !Number.isFinite(s) || s <= 0) throw new UsageError(`--read-timeout must be a number of seconds above 0, not "${value}".`);
  return Math.round(s * 1000);
}

/** What --source picks: auto is AWS with credentials at hand, else the demo. */
export function sourceKind(source: string | undefined): 'aws' | 'demo' | 'snapshot' {
  const kind = source ?? 'auto';
  if (kind === 'aws' || kind === 'demo' || kind === 'snapshot') return kind;
  if (kind !== 'auto') throw new UsageError(`--source must be auto, aws, demo or snapshot, not "${kind}".`);
  return hasAwsCredentials() ? 'aws' : 'demo';
}

export async function pickSource(values: Record<string, string | boolean | undefined>): Promise<TopologySource> {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  const region = str('region') ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const profile = str('profile') ?? process.env['AWS_PROFILE'];
  const readTimeout = readTimeoutMs(values['read-timeout']);
  const kind = sourceKind(str('source'));
  if (kind === 'snapshot') {
    const file = str('file');
    if (!file) throw new UsageError('--source snapshot needs --file PATH.');
    return createSnapshotSource(file);
  }
  if (kind === 'demo') {
    // One-shot commands read a still world; `serve` asks for churn (20 s by default) so the demo map lives.
    const churnMs = parseInterval(str('churn') ?? 'off');
    if (typeof churnMs === 'object') throw new UsageError(`--churn: ${churnMs.error}.`);
    const { source } = await startDemoSource(await loadWorld(values), { readTimeoutMs: readTimeout, churnMs });
    return source;
  }
  const kubeconfig = str('kubeconfig');
  const kubeContext = str('kube-context');
  return createAwsSource({
    region,
    ...(profile ? { profile } : {}),
    maxAttempts: int(str('max-attempts'), 'max-attempts', 8),
    readTimeoutMs: readTimeout,
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(kubeContext ? { kubeContext } : {}),
    kind: 'aws',
    label: profile ? `AWS profile ${profile}` : 'AWS (default credentials)',
  });
}

export async function loadWorld(values: Record<string, string | string[] | boolean | undefined>): Promise<World> {
  const which = typeof values['world'] === 'string' ? values['world'] : 'demo';
  if (which === 'demo') return demoWorld();
  const n = (k: string, d: number) => int(typeof values[k] === 'string' ? values[k] : undefined, k, d);
  if (which === 'generated') {
    return generateWorld({
      clusters: n('clusters', DEFAULT_SIZE.clusters),
      services: n('services', DEFAULT_SIZE.services),
      tasks: n('tasks', DEFAULT_SIZE.tasks),
      loadBalancers: n('load-balancers', DEFAULT_SIZE.loadBalancers),
      azs: n('azs', DEFAULT_SIZE.azs),
      seed: n('seed', DEFAULT_SIZE.seed),
    });
  }
  return JSON.parse(await readFile(which, 'utf8')) as World;
}
