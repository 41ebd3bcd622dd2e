import { timingSafeEqual } from 'node:crypto';
import { CLUSTER_ID_HEADER, presignedCallerIdentityUrl, stsHost, tokenUrl } from '../sources/aws/kube/token';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The test suite's static credentials: what its SDK clients sign with and its EKS tokens are presigned with. */
export const TEST_CREDENTIALS: StaticCredentials = { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' };

/** The static credentials the fake knows: the test suite's, the demo's and the SDK-default placeholders of vitest. */
export const FAKE_CREDENTIALS: readonly StaticCredentials[] = [
  TEST_CREDENTIALS,
  { accessKeyId: 'FLEETMAPDEMO', secretAccessKey: 'fleetmap-demo-not-a-secret' },
  { accessKeyId: 'test', secretAccessKey: 'test' },
];

/** STS honours a presigned GetCallerIdentity URL this long after its X-Amz-Date, whatever X-Amz-Expires says. */
const STS_PRESIGN_WINDOW_MS = 15 * 60 * 1000;

/** "20261126T101500Z" → Date */
function amzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

export type TokenCheck = { ok: true; accessKeyId: string } | { ok: false; reason: string };

/**
 * What EKS's authenticator checks of a bearer token, done offline: the k8s-aws-v1 form, an STS GetCallerIdentity
 * URL for this region, x-k8s-aws-id among the signed headers, a date inside STS's window, and a signature that
 * recomputes with the secret of the access key it names and this cluster's name. (The real server asks STS; the
 * fake knows the secrets instead.)
 */
export async function verifyEksToken(
  token: string,
  expect: { clusterName: string; region: string; credentials: readonly StaticCredentials[]; now?: number },
): Promise<TokenCheck> {
  const url = tokenUrl(token);
  if (!url) return { ok: false, reason: 'not a k8s-aws-v1 token' };
  const q = url.searchParams;
  if (url.protocol !== 'https:' || url.hostname !== stsHost(expect.region) || url.pathname !== '/')
    return { ok: false, reason: `unexpected STS endpoint ${url.host}` };
  if (q.get('Action') !== 'GetCallerIdentity' || q.get('Version') !== '2011-06-15') return { ok: false, reason: 'not a GetCallerIdentity request' };
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return { ok: false, reason: 'not signed with SigV4' };
  const signedHeaders = (q.get('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signedHeaders.includes(CLUSTER_ID_HEADER)) return { ok: false, reason: `${CLUSTER_ID_HEADER} is not signed` };
  const date = amzDate(q.get('X-Amz-Date') ?? '');
  const now = expect.now ?? Date.now();
  if (!date || now - date.getTime() > STS_PRESIGN_WINDOW_MS || date.getTime() - now > 5 * 60 * 1000) return { ok: false, reason: 'token expired' };
  const [accessKeyId = '', , region, service] = (q.get('X-Amz-Credential') ?? '').split('/');
  if (region !== expect.region || service !== 'sts') return { ok: false, reason: 'credential scope is not STS in this region' };
  const secret = expect.credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!secret) return { ok: false, reason: `unknown access key ${accessKeyId}` };
  const sessionToken = q.get('X-Amz-Security-Token');
  const again = new URL(
    await presignedCallerIdentityUrl({
      clusterName: expect.clusterName,
      region: expect.region,
      credentials: { ...secret, ...(sessionToken ? { sessionToken } : {}) },
      signingDate: date,
    }),
  );
  const want = Buffer.from(again.searchParams.get('X-Amz-Signature') ?? '');
  const got = Buffer.from(q.get('X-Amz-Signature') ?? '');
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'signature does not match (another cluster, or altered)' };
  return { ok: true, accessKeyId };
}
