import { DEMO_CHURN_MS, startChurn } from './fake-aws/churn';
import { demoWorld } from './fake-aws/demo';
import { startFakeAws, type FakeAws } from './fake-aws/server';
import type { World } from './fake-aws/world';
import { createAwsSource } from './sources/aws/source';
import type { TopologySource } from './sources/types';

export const DEMO_LABEL = 'Demo estate (simulated AWS)';

/** The seed of the demo's churn, so two demos change the same way. */
const DEMO_CHURN_SEED = 20261126;

/**
 * The demo walks the real path: the live AWS source, reading the fake AWS in-process over loopback HTTP. Its world
 * lives: it churns every 20 s unless told otherwise (`churnMs: 'off'` holds it still).
 */
export async function startDemoSource(
  world: World = demoWorld(),
  options: { readTimeoutMs?: number; churnMs?: number | 'off' } = {},
): Promise<{ source: TopologySource; fake: FakeAws; churnMs: number | 'off' }> {
  const fake = await startFakeAws({ world, throttle: {} });
  const churnMs = options.churnMs ?? DEMO_CHURN_MS;
  const churn = churnMs === 'off' ? undefined : startChurn(fake, { intervalMs: churnMs, seed: DEMO_CHURN_SEED });
  const source = createAwsSource({
    region: fake.world.region,
    endpoint: fake.url,
    credentials: { accessKeyId: 'FLEETMAPDEMO', secretAccessKey: 'fleetmap-demo-not-a-secret' },
    kind: 'demo',
    label: DEMO_LABEL,
    ...(options.readTimeoutMs ? { readTimeoutMs: options.readTimeoutMs } : {}),
  });
  const close = async () => {
    churn?.stop();
    await source.close?.();
    await fake.close();
  };
  return { source: { ...source, read: (o) => source.read(o), close }, fake, churnMs };
}
