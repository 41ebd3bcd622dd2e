import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProblemList } from './Section';

describe('a panel’s list of problems', () => {
  it('gives each problem its own warning line, in the order given, under one marked list', () => {
    const html = renderToStaticMarkup(
      createElement(ProblemList, { problems: ['AsgInstanceLaunchFailures: Could not launch Spot Instances', 'Ec2SubnetInvalidConfiguration'] }),
    );
    expect(html).toBe(
      '<ul class="alerts" data-problems="true"><li class="warn">AsgInstanceLaunchFailures: Could not launch Spot Instances</li>' +
        '<li class="warn">Ec2SubnetInvalidConfiguration</li></ul>',
    );
  });

  it('draws nothing when there is no problem', () => {
    expect(renderToStaticMarkup(createElement(ProblemList, { problems: [] }))).toBe('');
  });
});
