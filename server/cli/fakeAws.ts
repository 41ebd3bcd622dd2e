import { parseArgs } from 'node:util';
import { parseFault, type Fault } from '../fake-aws/faults';
import { startFakeAws, type FakeAws } from '../fake-aws/server';
import { isListenError, listenProblem, parsePort } from './listen';
import { int, loadWorld, WORLD_OPTIONS } from './sources';
import { UsageError } from './usage';

export async function runFakeAws(args: string[]): Promise<number> {
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
    },
  });
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
  console.log(`Fake AWS (world ${world.name}) at ${fake.url}  — try: aws --endpoint-url ${fake.url} ecs list-clusters`);
  for (const [name, kube] of fake.kube) {
    console.log(
      `Kubernetes API of EKS cluster ${name} at ${kube.url} (TLS; its CA is in DescribeCluster; tokens signed with AKIDFLEETMAPTEST / fleetmap-test-secret)`,
    );
  }
  return 0;
}
