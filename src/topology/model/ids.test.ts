import { describe, expect, it } from 'vitest';
import { shortId } from './ids';

describe('shortId', () => {
  it.each([
    ['arn:aws:ecs:us-east-1:123456789012:service/shop/web', 'web'],
    ['arn:aws:ecs:us-east-1:123456789012:task/shop/0f1e2d3c4b5a69788796a5b4c3d2e1f0', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'],
    ['arn:aws:ecs:us-east-1:123456789012:cluster/shop', 'shop'],
    ['arn:aws:eks:us-east-1:123456789012:cluster/orders/pod/orders/orders-api-7c9f-x2k4q', 'orders-api-7c9f-x2k4q'],
    ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/storefront-alb/50dc6c495c0c9188', '50dc6c495c0c9188'],
    ['i-063d8ef180ee5e8ba', 'i-063d8ef180ee5e8ba'],
  ])('%s → %s', (id, name) => {
    expect(shortId(id)).toBe(name);
  });
});
