import type { TopologyPatch } from './patch';

/**
 * The server's recent patches, so a browser that reconnects with Last-Event-ID receives what it missed rather than
 * the whole topology. Bounded: only the newest `limit` patches are kept, and a browser further behind (or holding a
 * version this log never made, as after a server restart) is told to take the whole topology.
 */
export interface PatchLog {
  /** The newest version: the `to` of the last patch pushed, else the version the log started at */
  readonly head: number;
  /** Adds the next patch; it must start at `head` */
  push(patch: TopologyPatch): void;
  /** The patches from `version` to `head`, in order; [] when up to date */
  since(version: number): TopologyPatch[] | 'too-far-behind';
}

/**
 * `start` is the version of the topology before the first patch. A server that starts it from a value no earlier
 * process used (its start time in ms, say) sends a browser left over from a previous process the whole topology,
 * rather than patches against a version 3 that was another estate.
 */
export function patchLog(limit: number, start = 0): PatchLog {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a patch log keeps at least one patch (asked for ${limit})`);
  const patches: TopologyPatch[] = [];
  let head = start;
  return {
    get head() {
      return head;
    },
    push(patch) {
      if (patch.from !== head) throw new Error(`patch from version ${patch.from} does not follow version ${head}`);
      patches.push(patch);
      if (patches.length > limit) patches.splice(0, patches.length - limit);
      head = patch.to;
    },
    since(version) {
      // Versions rise by one per patch, so the oldest kept patch starts at head - patches.length.
      const oldest = head - patches.length;
      if (!Number.isInteger(version) || version < oldest || version > head) return 'too-far-behind';
      return patches.slice(version - oldest);
    },
  };
}

/** The version a Last-Event-ID header names: a plain non-negative integer, else none (the browser starts afresh). */
export function lastEventVersion(header: string | undefined): number | undefined {
  const text = header?.trim() ?? '';
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
