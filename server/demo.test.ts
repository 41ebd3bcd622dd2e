import { afterEach, describe, expect, it } from 'vitest';
import { startDemoSource } from './demo';
import { DEMO_CHURN_MS } from './fake-aws/churn';
import { demoWorld } from './fake-aws/demo';

type Demo = Awaited<ReturnType<typeof startDemoSource>>;
let demo: Demo | undefined;
afterEach(async () => {
  await demo?.source.close?.();
  demo = undefined;
});

const tasks = (d: Demo) => d.fake.world.ecs.tasks.map((t) => String(t['taskArn'])).join();

describe('the demo source', () => {
  it('churns by default, every 20 s', async () => {
    demo = await startDemoSource();
    expect(demo.churnMs).toBe(DEMO_CHURN_MS);
    expect(DEMO_CHURN_MS).toBe(20_000);
  });

  it('changes its world as an estate changes, and stops when closed', async () => {
    demo = await startDemoSource(demoWorld(), { churnMs: 50 });
    const first = tasks(demo);
    await new Promise((r) => setTimeout(r, 400));
    expect(tasks(demo)).not.toBe(first);
    await demo.source.close?.();
    const closed = tasks(demo);
    await new Promise((r) => setTimeout(r, 200));
    expect(tasks(demo)).toBe(closed);
    demo = undefined;
  });

  it('holds still when asked', async () => {
    demo = await startDemoSource(demoWorld(), { churnMs: 'off' });
    const first = tasks(demo);
    await new Promise((r) => setTimeout(r, 200));
    expect(tasks(demo)).toBe(first);
  });
});
