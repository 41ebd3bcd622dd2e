import { afterAll } from 'vitest';
import { openPostgres } from './sql';
import { historySuite } from './storeSuite';
import { startPostgres, type PostgresServer } from './testing/postgresServer';

/** The same store tests as on PGlite, against a PostgreSQL server this test starts on loopback (the --database path). */
let server: PostgresServer | undefined;
afterAll(async () => {
  await server?.stop();
});

historySuite('a PostgreSQL server', async () => {
  server = await startPostgres();
  return openPostgres(server.url);
});
