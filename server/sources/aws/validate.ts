import type { z } from 'zod';
import { ANSWERS, type ItemRule } from './schemas';

/** One thing an answer held that Fleetmap cannot use, and which was left out. */
export interface Malformed {
  /** "task", "subnet" … */
  what: string;
  /** Where it was in the answer and what was wrong: "tasks[1]: expected object, received null" */
  problem: string;
  /** The item's own id, when it had one */
  id?: string;
}

type Json = Record<string, unknown>;
const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

function issueText(at: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${at}${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`)
    .join('; ');
}

/** The path of the first null inside a list anywhere in `value` (AWS never sends one; code that maps a list trips on it). */
function nullInList(value: unknown, at: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null) return `${at}[${i}]`;
      const found = nullInList(v, `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlain(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = nullInList(v, `${at}.${k}`);
    if (found) return found;
  }
  return undefined;
}

/** The item, with its own lists checked first, or undefined (and a report) when it cannot be used. */
function checkItem(rule: ItemRule, value: unknown, at: string, report: (m: Malformed) => void): unknown {
  let item = value;
  if (rule.lists && isPlain(value)) item = checkLists(rule.lists, value, at, report);
  const parsed = rule.schema.safeParse(item);
  const id = isPlain(item) && rule.id && typeof item[rule.id] === 'string' ? (item[rule.id] as string) : undefined;
  const nullAt = parsed.success ? nullInList(item, at) : undefined;
  const problem = parsed.success ? nullAt && `${nullAt} is null` : issueText(at, parsed.error.issues);
  if (!problem) return item;
  report({ what: rule.what, problem, ...(id ? { id } : {}) });
  return undefined;
}

/** `out` with each listed field's bad entries left out; the same object when nothing was wrong. */
function checkLists(lists: Record<string, ItemRule>, out: Json, at: string, report: (m: Malformed) => void): Json {
  let copy: Json | undefined;
  for (const [field, rule] of Object.entries(lists)) {
    const list = out[field];
    if (list === undefined) continue;
    const where = at ? `${at}.${field}` : field;
    if (!Array.isArray(list)) {
      report({ what: rule.what, problem: `${where}: expected a list, received ${kindOf(list)}` });
      copy ??= { ...out };
      delete copy[field];
      continue;
    }
    const kept: unknown[] = [];
    let changed = false;
    list.forEach((entry: unknown, i) => {
      const ok = checkItem(rule, entry, `${where}[${i}]`, report);
      if (ok === undefined) changed = true;
      else {
        kept.push(ok);
        if (ok !== entry) changed = true;
      }
    });
    if (changed) {
      copy ??= { ...out };
      copy[field] = kept;
    }
  }
  return copy ?? out;
}

/**
 * An SDK output checked against its operation's rule: what cannot be used is reported and left out, the rest is
 * returned as it came (the same object when all was well, so a normal read costs one walk and no copies).
 */
export function checkAnswer<T>(key: string, out: T, report: (m: Malformed) => void): T {
  const rule = ANSWERS[key];
  if (!rule || !isPlain(out)) return out;
  let checked: Json = rule.lists ? checkLists(rule.lists, out, '', report) : out;
  for (const [field, one] of Object.entries(rule.one ?? {})) {
    const value = checked[field];
    const ok = value === undefined ? (report({ what: one.what, problem: `the answer has no ${field}` }), undefined) : checkItem(one, value, field, report);
    if (ok !== value) {
      checked = { ...checked };
      if (ok === undefined) delete checked[field];
      else checked[field] = ok;
    }
  }
  for (const [field, schema] of Object.entries(rule.fields ?? {})) {
    if (schema.safeParse(checked[field]).success) continue;
    report({ what: field, problem: `${field}: expected a string, received ${kindOf(checked[field])}` });
    checked = { ...checked };
    delete checked[field];
  }
  // Same fields as the SDK's output type, minus what was left out: the readers already treat each as optional.
  return checked as T;
}
