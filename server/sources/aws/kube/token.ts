import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * The bearer token EKS accepts, made as `aws eks get-token` and aws-iam-authenticator make it: an STS
 * GetCallerIdentity request presigned with SigV4 (query auth, 60 s) that also signs the x-k8s-aws-id header naming
 * the cluster, written as "k8s-aws-v1." + base64url(URL) without padding. Nothing is sent to STS here: the API
 * server hands the URL to STS itself to learn who is calling.
 */
export const TOKEN_PREFIX = 'k8s-aws-v1.';
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
export const TOKEN_EXPIRES_SECONDS = 60;
/** STS honours a presigned URL for 15 minutes from X-Amz-Date; clients refresh a minute early. */
export const TOKEN_LIFETIME_MS = 14 * 60 * 1000;

export interface EksTokenRequest {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The signing time (tests); now by default */
  signingDate?: Date;
}

export function stsHost(region: string): string {
  return `sts.${region}.amazonaws.com`;
}

/** The presigned GetCallerIdentity URL inside the token. */
export async function presignedCallerIdentityUrl(request: EksTokenRequest): Promise<string> {
  const signer = new SignatureV4({ service: 'sts', region: request.region, credentials: request.credentials, sha256: Hash.bind(null, 'sha256') });
  const host = stsHost(request.region);
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, [CLUSTER_ID_HEADER]: request.clusterName },
    },
    { expiresIn: TOKEN_EXPIRES_SECONDS, ...(request.signingDate ? { signingDate: request.signingDate } : {}) },
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(signed.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') query.append(key, v);
  }
  return `https://${host}/?${query.toString()}`;
}

export async function eksToken(request: EksTokenRequest): Promise<string> {
  const url = await presignedCallerIdentityUrl(request);
  return TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
}

/** The URL inside a token, or undefined when the token is not a well-formed k8s-aws-v1 token. */
export function tokenUrl(token: string): URL | undefined {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 4096) return undefined;
  const body = token.slice(TOKEN_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  try {
    return new URL(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
