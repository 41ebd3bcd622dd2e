import { serve } from '@hono/node-server';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app';
import { hasAwsCredentials } from './credentials';
import { startDemoSource } from './demo';
import { demoWorld } from './fake-aws/demo';
import { DEFAULT_SIZE, generateWorld } from './fake-aws/generate';
import { startFakeAws } from './fake-aws/server';
import type { World } from './fake-aws/world';
import { createAwsSource } from './sources/aws/source';
import { createSnapshotSource } from './sources/snapshot';
import type { TopologySource } from './sources/types';

const USAGE = `Usage: fleetmap <command> [options]

Commands:
  serve      Serve the map (what "npm start" runs)
  fake-aws   Run the fake AWS (ECS, EC2, ELBv2 wire protocols) on loopback

Run "fleetmap <command> --help" for the options of a command.`;

const SERVE_USAGE = `Usage: fleetmap serve [options]

  --source auto|aws|demo|snapshot  Where to read from (default auto: aws when credentials are configured, else demo)
  --file PATH        The snapshot to open with --source snapshot
  --world demo|generated|PATH  With --source demo: the fake AWS world to read (default demo)
  --clusters N --services N --tasks N --load-balancers N --azs N --seed N   Size of a generated world
  --profile NAME     AWS profile (default: AWS_PROFILE, then the SDK's default chain)
  --region NAME      AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1)
  --max-attempts N   Attempts per AWS call before an error is shown (default 8)
  --host ADDR        Address to bind (default 127.0.0.1)
  --port N           Port (default 8080)
  -h, --help         This help`;

const FAKE_USAGE = `Usage: fleetmap fake-aws [options]

  --world demo|generated|PATH  The world to serve (default demo); PATH is a world JSON file
  --clusters N --services N --tasks N --load-balancers N --azs N --seed N   Size of a generated world
  --port N           Port (default 4566)
  --host ADDR        Address to bind (default 127.0.0.1)
  --latency MS       Added to every answer (default 0)
  --throttle         Enforce AWS's throttle buckets
  --deny ACTION      Answer AccessDenied for an IAM action, e.g. elasticloadbalancing:DescribeTargetHealth (repeatable)
  -h, --help         This help`;

class UsageError extends Error {}

/** Options that choose a fake AWS world, shared by `fake-aws` and `serve --source demo`. */
const WORLD_OPTIONS = {
  world: { type: 'string' },
  clusters: { type: 'string' },
  services: { type: 'string' },
  tasks: { type: 'string' },
  'load-balancers': { type: 'string' },
  azs: { type: 'string' },
  seed: { type: 'string' },
} as const;

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  return n;
}

async function pickSource(values: Record<string, string | boolean | undefined>): Promise<TopologySource> {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  const region = str('region') ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const profile = str('profile') ?? process.env['AWS_PROFILE'];
  let kind = str('source') ?? 'auto';
  if (!['auto', 'aws', 'demo', 'snapshot'].includes(kind)) throw new UsageError(`--source must be auto, aws, demo or snapshot, not "${kind}".`);
  if (kind === 'auto') kind = hasAwsCredentials() ? 'aws' : 'demo';
  if (kind === 'snapshot') {
    const file = str('file');
    if (!file) throw new UsageError('--source snapshot needs --file PATH.');
    return createSnapshotSource(file);
  }
  if (kind === 'demo') {
    const { source } = await startDemoSource(await loadWorld(values));
    return source;
  }
  return createAwsSource({
    region,
    ...(profile ? { profile } : {}),
    maxAttempts: int(str('max-attempts'), 'max-attempts', 8),
    kind: 'aws',
    label: profile ? `AWS profile ${profile}` : 'AWS (default credentials)',
  });
}

async function runServe(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      file: { type: 'string' },
      ...WORLD_OPTIONS,
      profile: { type: 'string' },
      region: { type: 'string' },
      'max-attempts': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(SERVE_USAGE);
  const source = await pickSource(values);
  const port = int(values.port, 'port', 8080);
  const host = values.host;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const allowedHosts = [`${host.includes(':') ? `[${host}]` : host}:${port}`, ...(loopback ? [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] : [])];
  const staticDir = fileURLToPath(new URL('../dist', import.meta.url));
  const app = createApp({ source, allowedHosts, staticDir });
  serve({ fetch: app.fetch, hostname: host, port }, () => {
    console.log(`Fleetmap: ${source.label} at http://${allowedHosts[0] ?? ''}/`);
  });
}

async function loadWorld(values: Record<string, string | string[] | boolean | undefined>): Promise<World> {
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

async function runFakeAws(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...WORLD_OPTIONS,
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string' },
      throttle: { type: 'boolean' },
      deny: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(FAKE_USAGE);
  const world = await loadWorld(values);
  const fake = await startFakeAws({
    world,
    host: values.host,
    port: int(values.port, 'port', 4566),
    latencyMs: int(values.latency, 'latency', 0),
    ...(values.throttle ? { throttle: {} } : {}),
    deny: values.deny ?? [],
  });
  console.log(`Fake AWS (world ${world.name}) at ${fake.url}  — try: aws --endpoint-url ${fake.url} ecs list-clusters`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') await runServe(rest);
    else if (command === 'fake-aws') await runFakeAws(rest);
    else if (command === '--help' || command === '-h' || command === undefined) console.log(USAGE);
    else throw new UsageError(`Unknown command "${command}".`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`fleetmap: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`fleetmap: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    () => process.exit(1),
  );
}
