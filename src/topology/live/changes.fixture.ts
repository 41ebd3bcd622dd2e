import { service } from '../graph/testTopology';
import type { Deployment, ResourceOf } from '../model';

/** The time the change tests tell their changes at. */
export const AT = Date.UTC(2026, 10, 20, 12);

/** An ECS service with one task definition family, the subject of most change tests. */
export const cart = service('shop', 'cart');

/** A task as DescribeTasks returns it once stopped: both statuses STOPPED, with the stop's details from `extra`. */
export const stopped = (t: ResourceOf<'task'>, extra: Partial<ResourceOf<'task'>>): ResourceOf<'task'> => ({
  ...t,
  lastStatus: 'STOPPED',
  desiredStatus: 'STOPPED',
  ...extra,
});

/** One of cart's deployments as DescribeServices lists it: the primary, all of cart:8 running, unless `extra` says else. */
export const deployment = (id: string, extra: Partial<Deployment> = {}): Deployment => ({
  id,
  status: 'PRIMARY',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/cart:8',
  desired: 3,
  running: 3,
  pending: 0,
  failedTasks: 0,
  ...extra,
});

/** cart with these deployments (DescribeServices: deployments). */
export const withDeployments = (...deployments: Deployment[]): ResourceOf<'service'> => ({ ...cart, deployments });
