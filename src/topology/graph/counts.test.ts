import { describe, expect, it } from 'vitest';
import { demoTopology } from '../__fixtures__/fixtures';
import type { ReadError } from '../model';
import { counted, topBarCounts } from './counts';
import { task, topologyOf } from './testTopology';

const words = (items: ReturnType<typeof topBarCounts>) => items.map((c) => `${c.count ?? ''} ${c.words}`.trim());

describe('a count with its noun', () => {
  it('says one or many as the number has it, with an irregular plural when given', () => {
    expect(counted(0, 'task')).toBe('0 tasks');
    expect(counted(1, 'task')).toBe('1 task');
    expect(counted(2, 'task')).toBe('2 tasks');
    expect(counted(1, 'EKS node')).toBe('1 EKS node');
    expect(counted(3, 'match', 'matches')).toBe('3 matches');
  });
});

describe('the top bar counts', () => {
  it('counts everything the demo read, EKS included, none incomplete', () => {
    const items = topBarCounts(demoTopology());
    expect(words(items)).toEqual(['10 services', '39 tasks', '3 load balancers', '5 EKS nodes', '35 pods']);
    expect(items.every((c) => !c.incomplete && c.title === undefined)).toBe(true);
  });

  it('leaves out EKS counts where there is no EKS and nothing failed', () => {
    expect(words(topBarCounts(topologyOf([task('storefront', 'web')])))).toEqual(['0 services', '1 task', '0 load balancers']);
  });

  it('says which call left a count short, in the tooltip', () => {
    const error: ReadError = {
      api: 'ecs:DescribeTasks',
      resource: 'cluster storefront',
      code: 'ThrottlingException',
      message: 'Rate exceeded',
      hint: 'Try again.',
    };
    const items = topBarCounts({ ...topologyOf([task('storefront', 'web')]), errors: [error] });
    const tasks = items.find((c) => c.part === 'task');
    expect(tasks).toMatchObject({ count: 1, words: 'task (not all read)', incomplete: true });
    expect(tasks?.title).toBe('Not all tasks could be read: ecs:DescribeTasks (ThrottlingException) failed. See the errors in the status bar.');
    expect(items.find((c) => c.part === 'service')).toMatchObject({ count: 0, incomplete: false });
  });
});
