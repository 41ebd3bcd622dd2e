import { describe, expect, it } from 'vitest';
import { parseFault } from './faults';

describe('parseFault (fleetmap fake-aws --fault)', () => {
  it.each([
    ['ec2:DescribeSubnets=html', { action: 'ec2:DescribeSubnets', kind: 'html' }],
    ['elasticloadbalancing:DescribeLoadBalancers=html:502', { action: 'elasticloadbalancing:DescribeLoadBalancers', kind: 'html', status: 502 }],
    ['ecs:ListClusters=empty', { action: 'ecs:ListClusters', kind: 'empty' }],
    ['elasticloadbalancing:DescribeTargetGroups=black-hole', { action: 'elasticloadbalancing:DescribeTargetGroups', kind: 'black-hole' }],
    ['eks:DescribeCluster=stall', { action: 'eks:DescribeCluster', kind: 'stall' }],
    ['ecs:DescribeTasks=null-item:tasks', { action: 'ecs:DescribeTasks', kind: 'null-item', at: 'tasks' }],
    ['ecs:DescribeTasks=null-item:tasks:3', { action: 'ecs:DescribeTasks', kind: 'null-item', at: 'tasks', index: 3 }],
    ['ecs:DescribeServices=drop-field:services.serviceName', { action: 'ecs:DescribeServices', kind: 'drop-field', at: 'services', field: 'serviceName' }],
    [
      'ecs:DescribeServices=drop-field:services.serviceName:1',
      { action: 'ecs:DescribeServices', kind: 'drop-field', at: 'services', field: 'serviceName', index: 1 },
    ],
  ])('reads %s', (text, fault) => {
    expect(parseFault(text)).toEqual(fault);
  });

  it.each([
    'ecs:DescribeTasks',
    'DescribeTasks=html',
    'ecs:DescribeTasks=teapot',
    'ecs:DescribeTasks=html:999',
    'ecs:DescribeTasks=html:abc',
    'ecs:DescribeTasks=empty:1',
    'ecs:DescribeTasks=null-item',
    'ecs:DescribeTasks=null-item:tasks:x',
    'ecs:DescribeServices=drop-field:services',
    'ecs:DescribeServices=drop-field:services.a.b',
  ])('refuses %s with what it accepts', (text) => {
    const out = parseFault(text);
    expect(out).toHaveProperty('error');
    expect('error' in out ? out.error : '').toContain('black-hole');
  });
});
