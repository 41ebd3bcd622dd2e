import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyEksToken } from '../../../fake-aws/kube-auth';
import { eksToken, tokenUrl } from './token';

const credentials = { accessKeyId: 'AKIDFLEETMAPTEST', secretAccessKey: 'fleetmap-test-secret' };
const signingDate = new Date('2026-11-26T10:15:00Z');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 query signing done by hand (AWS's published algorithm), to check the token independently of the signer. */
function expectedSignature(url: URL, clusterName: string): string {
  const q = [...url.searchParams.entries()].filter(([k]) => k !== 'X-Amz-Signature');
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonicalQuery = q
    .map(([k, v]) => [enc(k), enc(v)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    'GET',
    '/',
    canonicalQuery,
    `host:${url.host}`,
    `x-k8s-aws-id:${clusterName}`,
    '',
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const date = url.searchParams.get('X-Amz-Date') ?? '';
  const scope = `${date.slice(0, 8)}/us-east-1/sts/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, date.slice(0, 8));
  for (const part of ['us-east-1', 'sts', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('EKS token (as aws eks get-token makes it)', () => {
  it('is k8s-aws-v1. and an unpadded base64url presigned STS GetCallerIdentity URL that signs x-k8s-aws-id', async () => {
    const token = await eksToken({ clusterName: 'orders-eks', region: 'us-east-1', credentials, signingDate });
    expect(token.startsWith('k8s-aws-v1.')).toBe(true);
    expect(token.slice('k8s-aws-v1.'.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    const url = tokenUrl(token);
    expect(url?.origin).toBe('https://sts.us-east-1.amazonaws.com');
    const q = url?.searchParams;
    expect(q?.get('Action')).toBe('GetCallerIdentity');
    expect(q?.get('Version')).toBe('2011-06-15');
    expect(q?.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(q?.get('X-Amz-Expires')).toBe('60');
    expect(q?.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(q?.get('X-Amz-Date')).toBe('20261126T101500Z');
    expect(q?.get('X-Amz-Credential')).toBe('AKIDFLEETMAPTEST/20261126/us-east-1/sts/aws4_request');
    expect(q?.get('X-Amz-Signature')).toBe(expectedSignature(url!, 'orders-eks'));
  });

  it('is accepted only by the cluster it names, unaltered, and within STS’s 15 minutes', async () => {
    const token = await eksToken({ clusterName: 'orders-eks', region: 'us-east-1', credentials, signingDate });
    const now = signingDate.getTime() + 60_000;
    const check = (t: string, clusterName = 'orders-eks', at = now) =>
      verifyEksToken(t, { clusterName, region: 'us-east-1', credentials: [credentials], now: at });
    expect(await check(token)).toEqual({ ok: true, accessKeyId: 'AKIDFLEETMAPTEST' });
    expect((await check(token, 'payments-eks')).ok).toBe(false);
    expect((await check(token, 'orders-eks', signingDate.getTime() + 16 * 60_000)).ok).toBe(false);
    const url = tokenUrl(token)!;
    url.searchParams.set('X-Amz-Date', '20261126T101600Z');
    expect((await check(`k8s-aws-v1.${Buffer.from(url.toString()).toString('base64url')}`)).ok).toBe(false);
    expect((await check('k8s-aws-v1.not a token')).ok).toBe(false);
    const stranger = await eksToken({
      clusterName: 'orders-eks',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' },
      signingDate,
    });
    expect(await check(stranger)).toEqual({ ok: false, reason: 'unknown access key AKIDOTHER' });
  });
});
