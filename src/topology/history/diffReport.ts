import type { ResourceKind } from '../model';
import type { ChangedResource, EstateDiff, EstateInfo, ResourceRef } from './estateDiff';

/**
 * An estate diff told three ways: text for a terminal, Markdown for a pull-request comment, JSON for a script. Text
 * and Markdown cap each list (a churned estate changes thousands of tasks, a comment holds 65,536 characters); JSON
 * never does. Every name, id and message comes from AWS, Kubernetes or a snapshot file, so each is escaped for where
 * it lands.
 */

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface ReportOptions {
  /** Items listed per section before "and N more" (default 20; text and Markdown only) */
  limit?: number;
}

export const DEFAULT_LIMIT = 20;

/** Sections in this order, under these headings. */
const KIND_HEADINGS: Record<ResourceKind, string> = {
  service: 'Services',
  task: 'Tasks',
  workload: 'Workloads',
  pod: 'Pods',
  taskDefinition: 'Task definitions',
  loadBalancer: 'Load balancers',
  targetGroup: 'Target groups',
  kubeService: 'Kubernetes services',
  ingress: 'Ingresses',
  cluster: 'ECS clusters',
  containerInstance: 'Container instances',
  eksCluster: 'EKS clusters',
  nodeGroup: 'Node groups',
  fargateProfile: 'Fargate profiles',
  eksNode: 'EKS nodes',
  region: 'Regions',
  vpc: 'VPCs',
  az: 'Availability zones',
  subnet: 'Subnets',
};
const KIND_ORDER = Object.keys(KIND_HEADINGS) as ResourceKind[];

type Change = 'added' | 'removed' | 'changed';
interface Entry {
  change: Change;
  ref: ResourceRef | ChangedResource;
}
interface Section {
  kind: ResourceKind;
  heading: string;
  counts: Record<Change, number>;
  entries: Entry[];
}

/** The diff's resources by kind, in KIND_ORDER; within a kind added, then removed, then changed, each by name. */
export function sectionsOf(diff: EstateDiff): Section[] {
  const byKind = new Map<ResourceKind, Entry[]>();
  const put = (change: Change, refs: readonly ResourceRef[]) => {
    for (const ref of [...refs].sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id))) {
      const list = byKind.get(ref.kind);
      if (list) list.push({ change, ref });
      else byKind.set(ref.kind, [{ change, ref }]);
    }
  };
  put('added', diff.added);
  put('removed', diff.removed);
  put('changed', diff.changed);
  return KIND_ORDER.flatMap((kind) => {
    const entries = byKind.get(kind);
    if (!entries) return [];
    const counts = { added: 0, removed: 0, changed: 0 };
    for (const e of entries) counts[e.change] += 1;
    return [{ kind, heading: KIND_HEADINGS[kind], counts, entries }];
  });
}

export function renderDiff(diff: EstateDiff, format: DiffFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return diffText(diff, options);
    case 'markdown':
      return diffMarkdown(diff, options);
    case 'json':
      return diffJson(diff);
  }
}

const summary = (d: EstateDiff) =>
  d.added.length + d.removed.length + d.changed.length
    ? `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`
    : 'no resource differs';

const sideLine = (s: EstateInfo): string[] =>
  [s.label, s.accountId, s.region, new Date(s.fetchedAt).toISOString(), `${s.resources} resources`].filter((p): p is string => Boolean(p));

const fieldsOf = (ref: ResourceRef | ChangedResource) => ('fields' in ref ? ref.fields : []);

/** Text for a terminal: control characters (a terminal's escape sequences among them) become spaces. */
export function plainText(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

const MARK: Record<Change, string> = { added: '+', removed: '-', changed: '~' };

export function diffText(diff: EstateDiff, { limit = DEFAULT_LIMIT }: ReportOptions = {}): string {
  const lines = [
    `Fleetmap diff: ${summary(diff)}`,
    `A: ${sideLine(diff.from).map(plainText).join(' · ')}`,
    `B: ${sideLine(diff.to).map(plainText).join(' · ')}`,
    `Gates tripped: ${diff.gates.length ? diff.gates.map((g) => `${g.kind} (${g.evidence.length})`).join(', ') : 'none'}`,
  ];
  for (const s of sectionsOf(diff)) {
    lines.push('', `${s.heading}: ${countWords(s.counts)}`);
    for (const { change, ref } of s.entries.slice(0, limit)) {
      const fields = fieldsOf(ref);
      lines.push(`  ${MARK[change]} ${plainText(ref.name)}  ${plainText(ref.id)}${fields.length ? `  (${fields.map(plainText).join(', ')})` : ''}`);
    }
    if (s.entries.length > limit) lines.push(`  … and ${s.entries.length - limit} more`);
  }
  if (diff.events.length) {
    lines.push('', `Changes told (${diff.events.length}):`);
    for (const e of diff.events.slice(0, limit)) lines.push(`  ${e.severity.padEnd(8)} ${plainText(e.message)}`);
    if (diff.events.length > limit) lines.push(`  … and ${diff.events.length - limit} more`);
  }
  return `${lines.join('\n')}\n`;
}

const countWords = (c: Record<Change, number>) =>
  (['added', 'removed', 'changed'] as const)
    .filter((k) => c[k])
    .map((k) => `${c[k]} ${k}`)
    .join(', ');

/**
 * Text for a Markdown table cell or line (GitHub Flavored Markdown): no control character or line break (either ends
 * the row), and a backslash before every character that could start markup there — `|` (a new cell), emphasis,
 * links, code, HTML, math and mentions — so a name is shown as it is and never read as markup.
 */
export function markdownText(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\p{Cc}/gu, ' ');
  const escaped = flat.replace(/[\\`*_{}[\]()<>|~&$@!#]/g, (c) => `\\${c}`);
  // An empty cell is legal, but a cell of spaces is clearer for whoever reads the source.
  return escaped.trim() ? escaped : ' ';
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function table(head: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), row(align.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(row)];
}

export function diffMarkdown(diff: EstateDiff, { limit = DEFAULT_LIMIT }: ReportOptions = {}): string {
  const sections = sectionsOf(diff);
  const out = [
    `### Fleetmap diff: ${summary(diff)}`,
    '',
    `**A** ${sideLine(diff.from).map(markdownText).join(' · ')}  `,
    `**B** ${sideLine(diff.to).map(markdownText).join(' · ')}`,
    '',
    diff.gates.length ? `**Gates tripped:** ${diff.gates.map((g) => `${g.kind} (${g.evidence.length})`).join(' · ')}` : 'No gate tripped.',
  ];
  if (sections.length) {
    const total = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
    const counts = (c: Record<Change, number>) => [String(c.added), String(c.removed), String(c.changed)];
    out.push(
      '',
      ...table(
        ['Kind', 'Added', 'Removed', 'Changed'],
        ['left', 'right', 'right', 'right'],
        [...sections.map((s) => [s.heading, ...counts(s.counts)]), ['**Total**', ...counts(total)]],
      ),
    );
  }
  for (const s of sections) {
    const rows = s.entries
      .slice(0, limit)
      .map(({ change, ref }) => [change, markdownText(ref.name), markdownText(ref.id), markdownText(fieldsOf(ref).join(', '))]);
    out.push('', `#### ${s.heading}`, '', ...table(['Change', 'Name', 'Id', 'Fields that differ'], ['left', 'left', 'left', 'left'], rows));
    if (s.entries.length > limit) out.push('', `_and ${s.entries.length - limit} more_`);
  }
  if (diff.events.length) {
    const rows = diff.events.slice(0, limit).map((e) => [e.severity, e.kind, markdownText(e.message)]);
    out.push('', `#### Changes told (${diff.events.length})`, '', ...table(['Severity', 'Change', 'Message'], ['left', 'left', 'left'], rows));
    if (diff.events.length > limit) out.push('', `_and ${diff.events.length - limit} more_`);
  }
  return `${out.join('\n')}\n`;
}

/** The whole diff, uncapped, with the counts a script would otherwise add up itself. */
export function diffJson(diff: EstateDiff): string {
  const byKind = Object.fromEntries(sectionsOf(diff).map((s) => [s.kind, s.counts]));
  const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, byKind };
  return `${JSON.stringify({ counts, ...diff }, null, 2)}\n`;
}
