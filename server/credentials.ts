import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Whether AWS credentials are configured, judged from the environment and ~/.aws alone: never by asking the
 * instance-metadata address, so starting Fleetmap on a laptop sends nothing anywhere.
 */
export function hasAwsCredentials(env: NodeJS.ProcessEnv = process.env, home = homedir()): boolean {
  if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) return true;
  if (env['AWS_PROFILE'] || env['AWS_WEB_IDENTITY_TOKEN_FILE'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI'] || env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'])
    return true;
  const dir = env['AWS_CONFIG_FILE'] || env['AWS_SHARED_CREDENTIALS_FILE'] ? '' : join(home, '.aws');
  const files = [env['AWS_SHARED_CREDENTIALS_FILE'], env['AWS_CONFIG_FILE'], dir && join(dir, 'credentials'), dir && join(dir, 'config')].filter(
    (f): f is string => Boolean(f),
  );
  return files.some((f) => existsSync(f));
}
