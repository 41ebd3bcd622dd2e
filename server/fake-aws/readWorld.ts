import type { Topology } from '../../src/topology/model';
import type { TopologySource } from '../sources/types';
import { createAwsSource, type AwsSourceOptions } from '../sources/aws/source';
import { TEST_CREDENTIALS } from './kube-auth';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './server';

/**
 * The live AWS source pointed at a running fake: the real SDK clients on loopback, signing with the test credentials.
 * `options` tunes the read (retries, pacing, deadlines, label) as `fleetmap serve` would.
 */
export function sourceOnFake(fake: FakeAws, options: Partial<AwsSourceOptions> = {}): TopologySource {
  return createAwsSource({ region: fake.world.region, endpoint: fake.url, credentials: TEST_CREDENTIALS, kind: 'demo', label: 'test', ...options });
}

/** Reads a world through the real SDK clients and the fake AWS on loopback: the path a real account takes. */
export async function readThroughFake(
  options: FakeAwsOptions,
  source: Pick<AwsSourceOptions, 'maxAttempts' | 'pace' | 'readTimeoutMs' | 'requestTimeoutMs' | 'endpoints'> = {},
): Promise<{ topology: Topology; fake: FakeAws }> {
  const fake = await startFakeAws(options);
  try {
    const topology = await sourceOnFake(fake, source).read();
    return { topology, fake };
  } finally {
    await fake.close();
  }
}
