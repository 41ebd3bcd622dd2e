import { str, type JsonObject, type JsonValue, type KubeResource } from './world';

// Table output (meta.k8s.io/v1) of the fake Kubernetes API: the columns kubectl prints for a list or a watch event.

function ageOf(created: string | undefined, now: number): string {
  const t = created ? Date.parse(created) : NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

export const obj = (v: JsonValue | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
export const arr = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);

/** The STATUS column kubectl prints for a pod: a waiting or terminated reason beats the phase. */
export function podDisplayStatus(pod: JsonObject): string {
  const st = obj(pod['status']);
  for (const c of arr(st['containerStatuses'])) {
    const state = obj(obj(c)['state']);
    const reason = str(obj(state['waiting']), 'reason') || str(obj(state['terminated']), 'reason');
    if (reason) return reason;
  }
  return str(st, 'phase') || 'Unknown';
}

/** Table output (meta.k8s.io/v1), which kubectl asks for to print its columns. */
export function table(resource: KubeResource, items: JsonObject[], list: JsonObject, now: number): JsonObject {
  const col = (name: string, type = 'string', priority = 0) => ({ name, type, format: name === 'Name' ? 'name' : '', description: name, priority });
  const meta = (o: JsonObject) => obj(o['metadata']);
  const age = (o: JsonObject) => ageOf(str(meta(o), 'creationTimestamp'), now);
  let columns = [col('Name'), col('Age')];
  let cells = (o: JsonObject): JsonValue[] => [str(meta(o), 'name'), age(o)];
  if (resource === 'pods') {
    columns = [col('Name'), col('Ready'), col('Status'), col('Restarts', 'string'), col('Age'), col('IP', 'string', 1), col('Node', 'string', 1)];
    cells = (o) => {
      const st = obj(o['status']);
      const cs = arr(st['containerStatuses']).map(obj);
      const ready = cs.filter((c) => c['ready'] === true).length;
      const restarts = cs.reduce((n, c) => n + (typeof c['restartCount'] === 'number' ? c['restartCount'] : 0), 0);
      return [
        str(meta(o), 'name'),
        `${ready}/${arr(obj(o['spec'])['containers']).length}`,
        podDisplayStatus(o),
        String(restarts),
        age(o),
        str(st, 'podIP') || '<none>',
        str(obj(o['spec']), 'nodeName') || '<none>',
      ];
    };
  } else if (resource === 'nodes') {
    columns = [col('Name'), col('Status'), col('Roles'), col('Age'), col('Version')];
    cells = (o) => {
      const ready = arr(obj(o['status'])['conditions'])
        .map(obj)
        .find((c) => str(c, 'type') === 'Ready');
      return [
        str(meta(o), 'name'),
        str(ready ?? {}, 'status') === 'True' ? 'Ready' : 'NotReady',
        '<none>',
        age(o),
        str(obj(obj(o['status'])['nodeInfo']), 'kubeletVersion'),
      ];
    };
  }
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: obj(list['metadata']),
    columnDefinitions: columns,
    rows: items.map((o) => ({
      cells: cells(o),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta(o) },
    })),
  };
}
