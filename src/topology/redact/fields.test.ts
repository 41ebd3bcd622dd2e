import { describe, expect, it } from 'vitest';
import { RESOURCE_FIELDS, TOPOLOGY_FIELDS, type FieldTable } from './fields';

const tables: [string, FieldTable][] = [...Object.entries(RESOURCE_FIELDS), ['topology', TOPOLOGY_FIELDS]];
const last = (path: string) => path.split('.').at(-1) ?? path;

describe('the field tables', () => {
  it('hide every place a task definition holds a secret or a reference to one: a value whole, a reference down to its service', () => {
    const secrets = Object.entries(RESOURCE_FIELDS.taskDefinition.secrets ?? {});
    const hiddenAs = (way: string) => secrets.flatMap(([path, w]) => (w === way ? [path.replace('containers[].', '')] : [])).sort();
    expect({ value: hiddenAs('value'), arn: hiddenAs('arn'), logOption: hiddenAs('logOption'), all: secrets.length }).toEqual({
      value: ['dockerLabels{}', 'environment[].value'],
      arn: ['environmentFiles[]', 'logConfiguration.secretOptions[].value', 'repositoryCredentials', 'secrets[].value'],
      logOption: ['logConfiguration.options{}'],
      all: 7,
    });
  });

  it('treat the containers of a pod and of a workload’s template alike: env values kept only when they name where the value lives', () => {
    expect(RESOURCE_FIELDS.pod.secrets).toEqual({ 'containers[].env[].value': 'kubeReference' });
    expect(RESOURCE_FIELDS.workload.secrets).toEqual({ 'template[].env[].value': 'kubeReference' });
    const kube = (t: FieldTable, p: string) => [...t.names, ...t.text, ...(t.argv ?? [])].filter((x) => x.startsWith(`${p}.`)).map((x) => x.slice(p.length));
    expect(kube(RESOURCE_FIELDS.workload, 'template[]').sort()).toEqual(kube(RESOURCE_FIELDS.pod, 'containers[]').sort());
    expect(RESOURCE_FIELDS.pod.argv).toEqual(['containers[].command[]', 'containers[].args[]']);
  });

  it('scrub every message, reason and description as free text, never as a name', () => {
    const freeText = /(message|reason|description|Reason|lastTermination)$/;
    for (const [kind, t] of tables) {
      expect(
        t.names.filter((p) => freeText.test(last(p))),
        kind,
      ).toEqual([]);
      for (const p of t.text.filter((x) => freeText.test(last(x)))) expect(t.text, kind).toContain(p);
    }
    expect(TOPOLOGY_FIELDS.text).toEqual(expect.arrayContaining(['errors[].message', 'errors[].hint']));
  });

  it('scrub command lines as one argument list, so a flag can hide the argument after it', () => {
    const argv = tables.flatMap(([, t]) => t.argv ?? []);
    expect(argv.length).toBeGreaterThan(0);
    for (const p of argv) expect(p.endsWith('[]'), p).toBe(true);
    expect(RESOURCE_FIELDS.taskDefinition.argv).toContain('containers[].healthCheck.command[]');
  });
});
