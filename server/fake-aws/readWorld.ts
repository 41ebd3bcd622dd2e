import type { Topology } from '../../src/topology/model';
import { createAwsSource, type AwsSourceOptions } from '../sources/aws/source';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './server';

/** Reads a world through the real SDK clients and the fake AWS on loopback: the path a real account takes. */
export async function readThroughFake(
  options: FakeAwsOptions,
  source: Pick<AwsSourceOptions, 'maxAttempts' | 'pace' | 'readTimeoutMs' | 'requestTimeoutMs' | 'endpoints'> = {},
): Promise<{ topology: Topology; fake: FakeAws }> {
  const fake = await startFakeAws(options);
  try {
    const topology = await createAwsSource({
      region: options.world.region,
      endpoint: fake.url,
      credentials: { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' },
      kind: 'demo',
      label: 'test',
      ...source,
    }).read();
    return { topology, fake };
  } finally {
    await fake.close();
  }
}
