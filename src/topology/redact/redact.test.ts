import { describe, expect, it } from 'vitest';
import { maskArn, REDACTED, scrubText } from './redact';

describe('redaction helpers', () => {
  it('masks an ARN down to its service and resource type', () => {
    expect(maskArn('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::')).toBe('arn:aws:secretsmanager:us-east-1:****:secret:****');
    expect(maskArn('arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key')).toBe('arn:aws:ssm:us-east-1:****:parameter:****');
    expect(maskArn('not-an-arn')).toBe(REDACTED);
  });

  it('scrubs credential shapes from free text and leaves the rest readable', () => {
    expect(scrubText('connect postgres://app:S3cr3t@db:5432/x failed')).toBe(`connect postgres://${REDACTED}@db:5432/x failed`);
    expect(scrubText('key AKIAIOSFODNN7EXAMPLE used')).toBe(`key ${REDACTED} used`);
    expect(scrubText('--password=hunter2 --port=80')).toBe(`--password=${REDACTED} --port=80`);
    expect(scrubText('(service web) has reached a steady state.')).toBe('(service web) has reached a steady state.');
  });
});
