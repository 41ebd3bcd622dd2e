import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAwsCommand, type FakeAwsCommand } from './fakeAws';
import { UsageError } from './usage';

let running: FakeAwsCommand | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(args: string[]): Promise<FakeAwsCommand> {
  const started = await startFakeAwsCommand(['--port', '0', ...args]);
  if (typeof started === 'number') throw new Error(`exit ${started}`);
  running = started;
  return started;
}

const taskArns = (c: FakeAwsCommand) => c.fake.world.ecs.tasks.map((t) => String(t['taskArn'])).join();

describe('fleetmap fake-aws --churn', () => {
  it('changes the world at the asked interval, dated now', async () => {
    const c = await start(['--churn', '100ms']);
    const first = taskArns(c);
    const started = Math.max(...c.fake.world.ecs.tasks.map((t) => Number(t['startedAt'] ?? 0)));
    expect(Math.abs(started * 1000 - Date.now())).toBeLessThan(2 * 3_600_000);
    await new Promise((r) => setTimeout(r, 700));
    expect(taskArns(c)).not.toBe(first);
  });

  it('keeps the world still by default', async () => {
    const c = await start([]);
    const first = JSON.stringify(c.fake.world.ecs);
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(c.fake.world.ecs)).toBe(first);
    expect(c.churnMs).toBe('off');
  });

  it('refuses an interval it cannot read', async () => {
    await expect(startFakeAwsCommand(['--port', '0', '--churn', 'often'])).rejects.toThrow(UsageError);
  });
});
