import type { JsonObject, JsonValue } from './world';

/** What a protocol module answers; the server adds latency, request ids and the call log. */
export interface FakeResponse {
  status: number;
  contentType: string;
  body: string;
  /** The AWS error code, for the call log */
  errorCode?: string;
  /** Extra headers (restJson1 errors carry their type in x-amzn-errortype) */
  headers?: Record<string, string>;
}

/** Thrown by an operation to answer with an AWS error in the protocol's own envelope. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface PageState {
  items: number;
  pageSize: number;
  token: string | undefined;
}

/** Opaque pagination tokens, as AWS's are: the offset, encoded so clients cannot build them. */
export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64');
}

export function decodeToken(token: string | undefined, scope: string, invalid: () => AwsError): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'o' in parsed && 's' in parsed && parsed.s === scope && typeof parsed.o === 'number') {
      return parsed.o;
    }
  } catch {
    // fall through: an unreadable token is the client's error
  }
  throw invalid();
}

/** One page of items and the token for the next, or no token at the end (never the same token twice). */
export function paginate<T>(items: readonly T[], offset: number, pageSize: number, scope: string): { page: T[]; next: string | undefined } {
  const page = items.slice(offset, offset + pageSize);
  const end = offset + pageSize;
  return { page, next: end < items.length ? encodeToken(end, scope) : undefined };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** XML for the query protocols: objects become elements, lists wrap each entry in <item> (EC2) or <member> (ELBv2). */
export function toXml(name: string, value: JsonValue, listItem: 'item' | 'member'): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return `<${name}/>`;
    return `<${name}>${value.map((v) => toXml(listItem, v, listItem)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${objectXml(value, listItem)}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function objectXml(value: JsonObject, listItem: 'item' | 'member'): string {
  return Object.entries(value)
    .map(([k, v]) => toXml(k, v, listItem))
    .join('');
}

/** Form parameters of the query protocols: `Name.N` lists (EC2) and `Name.member.N` lists (ELBv2). */
export function listParam(params: URLSearchParams, prefix: string): string[] {
  const found: [number, string][] = [];
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  for (const [k, v] of params) {
    const m = re.exec(k);
    if (m?.[1]) found.push([Number(m[1]), v]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** EC2 filters: Filter.N.Name with Filter.N.Value.M. */
export function ec2Filters(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of params) {
    const m = /^Filter\.(\d+)\.Name$/.exec(k);
    if (m?.[1]) out.set(v, listParam(params, `Filter.${m[1]}.Value`));
  }
  return out;
}

export function requestId(): string {
  const h = () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-${h()}-${h()}-${h()}${h()}${h()}`;
}
