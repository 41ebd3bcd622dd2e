import { demoWorld } from './fake-aws/demo';
import { startFakeAws, type FakeAws } from './fake-aws/server';
import type { World } from './fake-aws/world';
import { createAwsSource } from './sources/aws/source';
import type { TopologySource } from './sources/types';

export const DEMO_LABEL = 'Demo estate (simulated AWS)';

/** The demo walks the real path: the live AWS source, reading the fake AWS in-process over loopback HTTP. */
export async function startDemoSource(
  world: World = demoWorld(),
  options: { readTimeoutMs?: number } = {},
): Promise<{ source: TopologySource; fake: FakeAws }> {
  const fake = await startFakeAws({ world, throttle: {} });
  const source = createAwsSource({
    region: fake.world.region,
    endpoint: fake.url,
    credentials: { accessKeyId: 'FLEETMAPDEMO', secretAccessKey: 'fleetmap-demo-not-a-secret' },
    kind: 'demo',
    label: DEMO_LABEL,
    ...(options.readTimeoutMs ? { readTimeoutMs: options.readTimeoutMs } : {}),
  });
  return { source: { ...source, read: (o) => source.read(o), close: () => fake.close() }, fake };
}
