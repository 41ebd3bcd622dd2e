import { parseArgs } from 'node:util';
import { parseInterval, startChurn } from '../fake-aws/churn';
import { parseFault, type Fault } from '../fake-aws/faults';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import { isListenError, listenProblem, parsePort } from './listen';
import { int, loadWorld, WORLD_OPTIONS } from './sources';
import { UsageError } from './usage';

/** A running `fleetmap fake-aws`: the fake, and the churn changing its world when --churn asked for it. */
export interface FakeAwsCommand {
  fake: FakeAws;
  churnMs: number | 'off';
  stop(): Promise<void>;
}

export async function runFakeAws(args: string[]): Promise<number> {
  const started = await startFakeAwsCommand(args);
  if (typeof started === 'number') return started;
  const { fake, churnMs } = started;
  console.log(`Fake AWS (world ${fake.world.name}) at ${fake.url}  — try: aws --endpoint-url ${fake.url} ecs list-clusters`);
  for (const [name, kube] of fake.kube) {
    console.log(
      `Kubernetes API of EKS cluster ${name} at ${kube.url} (TLS; its CA is in DescribeCluster; tokens signed with AKIDFLEETMAPTEST / fleetmap-test-secret)`,
    );
  }
  console.log(`Call log at ${fake.url}/_fake/calls (?since=EPOCH_MS)`);
  if (churnMs !== 'off') console.log(`The world changes every ${churnMs / 1000} s: rollouts, task failures, target flaps, pod crash loops, scaling.`);
  return 0;
}

/** Starts the fake as the command line asks, or returns the exit code of a failure already reported. */
export async function startFakeAwsCommand(args: string[]): Promise<FakeAwsCommand | number> {
  const { values } = parseArgs({
    args,
    options: {
      ...WORLD_OPTIONS,
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string' },
      throttle: { type: 'boolean' },
      deny: { type: 'string', multiple: true },
      fault: { type: 'string', multiple: true },
      churn: { type: 'string', default: 'off' },
    },
  });
  const churnMs = parseInterval(values.churn);
  if (typeof churnMs === 'object') throw new UsageError(`--churn: ${churnMs.error}.`);
  const faults = (values.fault ?? []).map((text): Fault => {
    const fault = parseFault(text);
    if ('error' in fault) throw new UsageError(fault.error);
    return fault;
  });
  const world = await loadWorld(values);
  const port = parsePort(values.port);
  let fake: FakeAws;
  try {
    fake = await startFakeAws({
      world,
      host: values.host,
      port,
      latencyMs: int(values.latency, 'latency', 0),
      ...(values.throttle ? { throttle: {} } : {}),
      deny: values.deny ?? [],
      faults,
    });
  } catch (e) {
    // A port in use is the person's to fix, as with serve: one line and exit 2.
    if (!isListenError(e)) throw e;
    console.error(`fleetmap: ${listenProblem(e, values.host, port)}`);
    return 2;
  }
  const churn = churnMs === 'off' ? undefined : startChurn(fake, { intervalMs: churnMs, seed: int(values.seed, 'seed', 1) });
  return {
    fake,
    churnMs,
    stop: async () => {
      churn?.stop();
      await fake.close();
    },
  };
}
