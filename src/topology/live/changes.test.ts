import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import { topologyOf } from '../graph/testTopology';
import { resourcesOf, type ResourceOf, type Topology } from '../model';
import { changeEvents, changesAmong } from './changes';
import { AT, cart, deployment, stopped, withDeployments } from './changes.fixture';

const pairOf = (before: ResourceOf<'service'>[], after: ResourceOf<'service'>[]) => [topologyOf(before), topologyOf(after)] as const;

describe('the change feed', () => {
  const v7 = deployment('ecs-svc/7', { rolloutState: 'COMPLETED' });
  const v8 = deployment('ecs-svc/8', { rolloutState: 'IN_PROGRESS' });

  it('gives each change of one read its own id, the same when told again', () => {
    const [before, after] = pairOf([withDeployments(v7), { ...cart, id: `${cart.id}-2`, name: 'cart-2' }], [withDeployments(v8, { ...v7, status: 'ACTIVE' })]);
    const ids = changeEvents(before, after, AT).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(changeEvents(before, after, AT).map((e) => e.id)).toEqual(ids);
    expect(ids).toContain(`${AT}:deploymentStarted:${cart.id}#ecs-svc/8`);
  });

  it('tells the same whether it finds what differs itself or is told by the diff', () => {
    const [before, after] = pairOf([withDeployments(v7)], [{ ...withDeployments(v8, { ...v7, status: 'ACTIVE' }), desired: 4 }]);
    expect(changesAmong(before, after, [cart.id], AT)).toEqual(changeEvents(before, after, AT));
    expect(changesAmong(before, after, [], AT)).toEqual([]);
  });
});

describe('the demo estate, changed', () => {
  it('tells every change of a step, newest first and the most severe first among changes of one moment', () => {
    const demo = demoTopology();
    const looping = resourcesOf(demo, 'pod').find((x) => x.status === 'CrashLoopBackOff');
    const api = resourcesOf(demo, 'service').find((s) => s.name === 'api');
    const running = resourcesOf(demo, 'task').find((t) => t.lastStatus === 'RUNNING' && t.serviceArn === api?.id);
    if (!looping || !api || !running) throw new Error('the demo has a crash-looping pod and a running api task');
    const next: Topology = {
      ...demo,
      resources: {
        ...demo.resources,
        [looping.id]: {
          ...looping,
          restarts: looping.restarts + 1,
          containerStatuses: looping.containerStatuses.map((c) => ({ ...c, restarts: c.restarts + 1 })),
        },
        [api.id]: { ...api, desired: api.desired + 2 },
        [running.id]: stopped(running, {
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          containers: running.containers.map((c) => ({ ...c, exitCode: 1 })),
        }),
      },
    };
    const events = changeEvents(demo, next, AT);
    expect(events.map((e) => `${e.severity} ${e.kind} ${e.message.split(':')[0]}`)).toEqual([
      'critical podRestarted payments',
      'warning taskStopped api',
      `info serviceScaled api scaled ${api.desired} → ${api.desired + 2}`,
    ]);
    expect(events.every((e) => e.at === AT)).toBe(true);
    expect(changeEvents(demo, structuredClone(demo), AT)).toEqual([]);
  });
});
