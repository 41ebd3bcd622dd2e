import { describe, expect, it } from 'vitest';
import type { ResourceOf } from '../model';
import { describeSubnet } from './subnets';
import { topologyOf } from './testTopology';

const subnet: ResourceOf<'subnet'> = {
  kind: 'subnet',
  id: 'subnet-0b2',
  vpcId: 'vpc-1',
  az: 'us-east-1b',
  cidrBlock: '10.0.14.0/22',
  name: 'private-b',
  public: false,
};

describe('a subnet as the task and pod panels describe it', () => {
  it('names it, says public or private, and gives its CIDR; an unread subnet is its id', () => {
    const topology = topologyOf([subnet]);
    expect(describeSubnet(topology, 'subnet-0b2')).toBe('private-b (private, 10.0.14.0/22)');
    expect(describeSubnet(topology, 'subnet-0ffffffffffffffff')).toBe('subnet-0ffffffffffffffff');
    expect(describeSubnet(topology, undefined)).toBeUndefined();
  });

  it('does not call a subnet private when its route tables could not be read', () => {
    const denied = { api: 'ec2:DescribeRouteTables', code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', hint: '' };
    expect(describeSubnet({ ...topologyOf([subnet]), errors: [denied] }, 'subnet-0b2')).toBe('private-b (10.0.14.0/22)');
  });
});
