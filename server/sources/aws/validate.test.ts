import { describe, expect, it } from 'vitest';
import describeTasks from './__fixtures__/ecs/DescribeTasks/awscli-fargate-awsvpc.json';
import { checkAnswer, type Malformed } from './validate';

/** The answer rules on real response shapes: a good answer passes untouched, a bad item is left out and said. */
const run = <T>(key: string, out: T) => {
  const found: Malformed[] = [];
  return { out: checkAnswer(key, out, (m) => found.push(m)), found };
};
const copy = <T>(v: T): T => structuredClone(v);

describe('checkAnswer', () => {
  it('returns a well-formed answer as the same object, with nothing to say', () => {
    const answer = copy(describeTasks);
    const { out, found } = run('ecs:DescribeTasks', answer);
    expect(out).toBe(answer);
    expect(found).toEqual([]);
  });

  it('leaves out a task holding a null deep inside a list no rule names, and keeps the others', () => {
    const answer = copy(describeTasks);
    const [first] = answer.tasks;
    if (!first) throw new Error('fixture has no task');
    answer.tasks.push({ ...copy(first), taskArn: `${first.taskArn}-2` });
    (first.tags as unknown[]).push(null);
    const { out, found } = run('ecs:DescribeTasks', answer);
    expect(out.tasks.map((t) => t.taskArn)).toEqual([`${first.taskArn}-2`]);
    expect(found).toMatchObject([{ what: 'task', id: first.taskArn, problem: expect.stringMatching(/^tasks\[0\]\.tags\[\d+\] is null$/) }]);
    expect(answer.tasks).toHaveLength(2);
  });

  it('drops a list that is not a list, saying what it was', () => {
    const { out, found } = run('ecs:DescribeTasks', { tasks: 'none', $metadata: { httpStatusCode: 200 } });
    expect(out).toEqual({ $metadata: { httpStatusCode: 200 } });
    expect(found).toEqual([{ what: 'task', problem: 'tasks: expected a list, received string' }]);
  });

  it('keeps a reservation and leaves out only its bad instance', () => {
    const { out, found } = run('ec2:DescribeInstances', {
      Reservations: [{ ReservationId: 'r-1', Instances: [null, { InstanceId: 'i-1', Tags: [{ Key: 'Name', Value: 'a' }] }, { SubnetId: 'subnet-1' }] }],
    });
    expect(out.Reservations).toEqual([{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-1', Tags: [{ Key: 'Name', Value: 'a' }] }] }]);
    expect(found.map((m) => m.problem)).toEqual([
      'Reservations[0].Instances[0]: Invalid input: expected object, received null',
      'Reservations[0].Instances[2].InstanceId: Invalid input: expected string, received undefined',
    ]);
  });

  it('says when a Describe of one resource holds none', () => {
    const { out, found } = run('eks:DescribeNodegroup', { $metadata: {} });
    expect(out).toEqual({ $metadata: {} });
    expect(found).toEqual([{ what: 'node group', problem: 'the answer has no nodegroup' }]);
  });
});
