import type { DeserializeHandlerArguments, DeserializeMiddleware, HandlerExecutionContext, Pluggable } from '@smithy/types';

/**
 * Each AWS answer must be what its wire protocol says before the SDK parses it. The SDK reads an HTML page, an
 * empty body or a JSON list as "no items" (EC2 and ELBv2 as XML with nothing in it, ECS and EKS as an empty
 * output), so a corporate proxy answering 200 in AWS's place made subnets, ECS or load balancers vanish with no
 * error. This middleware sits under the SDK's deserializer, sees the raw HTTP answer, and turns one that is not the
 * protocol's into an error naming the status and what came back.
 */
export type WireProtocol = 'awsJson1_1' | 'restJson1' | 'ec2Query' | 'awsQuery';

/** What an answer of each protocol is, as an error says it is not. */
const EXPECTED: Record<WireProtocol, (operation: string) => string> = {
  awsJson1_1: () => 'a JSON object (awsJson1_1)',
  restJson1: () => 'a JSON object (restJson1)',
  ec2Query: (op) => `an XML <${op}Response> (EC2 query)`,
  awsQuery: (op) => `an XML <${op}Response> (query)`,
};

/** Thrown in place of a parse: ReadContext records it under its name, with the API. */
export class UnexpectedResponse extends Error {
  override readonly name = 'UnexpectedResponse';
  /** A 5xx from a proxy is retried as AWS's own would be (the SDK reads the status from here). */
  readonly $metadata: { httpStatusCode: number };
  constructor(message: string, status: number) {
    super(message);
    this.$metadata = { httpStatusCode: status };
  }
}

const SNIPPET_CHARS = 100;

/** The first characters of a body, on one line, or "an empty body". */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return 'an empty body';
  return `"${line.slice(0, SNIPPET_CHARS)}${line.length > SNIPPET_CHARS ? '…' : ''}"`;
}

/** The root element's local name, after an XML declaration, comments and whitespace. */
function xmlRoot(text: string): string | undefined {
  const m = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
  return m?.[1]?.split(':').pop();
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * Whether a body is the protocol's: a success is the operation's own answer; an error (not 2xx) is any answer in
 * the protocol's envelope, or nothing at all (restJson1 errors may travel in headers only).
 */
export function isProtocolAnswer(protocol: WireProtocol, operation: string, status: number, text: string): boolean {
  const ok = status >= 200 && status < 300;
  if (!ok && text.trim() === '') return true;
  if (protocol === 'awsJson1_1' || protocol === 'restJson1') return isJsonObject(text);
  const root = xmlRoot(text);
  if (ok) return root === `${operation}Response`;
  return root === 'Response' || root === 'ErrorResponse';
}

interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

const isRawResponse = (r: unknown): r is RawResponse => typeof r === 'object' && r !== null && typeof (r as { statusCode?: unknown }).statusCode === 'number';

async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function answerCheck<I extends object, O extends object>(protocol: WireProtocol): DeserializeMiddleware<I, O> {
  return (next, context: HandlerExecutionContext) => async (args: DeserializeHandlerArguments<I>) => {
    const result = await next(args);
    const response: unknown = result.response;
    if (!isRawResponse(response)) return result;
    // Read once, and hand the SDK the bytes (its body collector takes a Uint8Array as readily as a stream).
    const bytes = await bodyBytes(response.body);
    response.body = bytes;
    const text = Buffer.from(bytes).toString('utf8');
    const operation = (context.commandName ?? '').replace(/Command$/, '');
    if (isProtocolAnswer(protocol, operation, response.statusCode, text)) return result;
    const type = response.headers['content-type'] ?? response.headers['Content-Type'];
    throw new UnexpectedResponse(
      `HTTP ${response.statusCode}${type ? ` (${type})` : ''} came back instead of ${EXPECTED[protocol](operation)}: ${snippet(text)}`,
      response.statusCode,
    );
  };
}

/** Adds the check to a client: `client.middlewareStack.use(checkAnswers('ec2Query'))`. */
export function checkAnswers<I extends object, O extends object>(protocol: WireProtocol): Pluggable<I, O> {
  return {
    applyToStack(stack) {
      // Low priority within the deserialize step: inside the SDK's deserializer, next to the raw HTTP answer.
      stack.add(answerCheck<I, O>(protocol), { step: 'deserialize', priority: 'low', name: 'fleetmapAnswerCheck' });
    },
  };
}
