import { describe, expect, it } from 'vitest';
import { demoTopology } from '../topology/__fixtures__/fixtures';
import { problems, type Problem } from '../topology/graph/problems';
import { nextProblem, problemsSummary } from './problemCycle';

const list = problems(demoTopology());

describe('the top bar’s problems', () => {
  it('counts the demo’s problems, coloured by the worst', () => {
    expect(list.length).toBeGreaterThan(1);
    const summary = problemsSummary(list);
    expect(summary?.text).toBe(`${list.length} problems`);
    expect(summary?.severity).toBe(list.some((p) => p.severity === 'critical') ? 'critical' : 'warning');
    const warnings = list.filter((p) => p.severity === 'warning');
    expect(problemsSummary(warnings.slice(0, 1))).toEqual({ text: '1 problem', severity: 'warning' });
    expect(problemsSummary([])).toBeUndefined();
  });

  it('cycles through every problem once, then starts again', () => {
    const seen: Problem[] = [];
    let shown: string | undefined;
    for (let i = 0; i < list.length + 1; i++) {
      const next = nextProblem(list, shown);
      if (!next) throw new Error('no problem');
      seen.push(next);
      shown = next.id;
    }
    expect(new Set(seen.slice(0, list.length).map((p) => p.id)).size).toBe(list.length);
    expect(seen.at(-1)).toBe(list[0]);
  });

  it('starts from the first when the one shown is gone after a refresh', () => {
    expect(nextProblem(list, 'gone')).toBe(list[0]);
    expect(nextProblem([], undefined)).toBeUndefined();
  });
});
