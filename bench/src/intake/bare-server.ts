/**
 * The bare endpoint the intake benchmark compares against: Fastify + `pg`, no framework, no validation library,
 * no ORM; it inserts the same review row the API writes for a good rating and answers after commit. Its
 * throughput is this machine's limit for "accept a rating over HTTP and store it"; the API is measured as a share
 * of it. Run as its own process: node bare-server.js <port> <databaseUrl>.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { newTrackingCode } from '@haochaping/privacy/server';

interface BareReviewBody {
  hallCode: string;
  level: number;
  comment?: string;
  clientKey: string;
}

async function main(): Promise<void> {
  const [portArg, databaseUrl] = process.argv.slice(2);
  if (!portArg || !databaseUrl) throw new Error('usage: bare-server.js <port> <databaseUrl>');
  // The same pool size as the API's PrismaClient (prisma/src/prisma-client.ts).
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const halls = new Map((await pool.query<{ code: string; id: string }>('SELECT code, id FROM hall')).rows.map((row) => [row.code, row.id]));

  const app = Fastify({ logger: false });
  app.post<{ Body: BareReviewBody }>('/reviews', async (request, reply) => {
    const body = request.body;
    const hallId = halls.get(body.hallCode);
    if (!hallId || !Number.isInteger(body.level) || body.level < 1 || body.level > 5 || typeof body.clientKey !== 'string') {
      return reply.status(422).send({ code: 'VALIDATION_FAILED' });
    }
    const id = randomUUID();
    const trackingCode = newTrackingCode();
    await pool.query(
      `INSERT INTO review (id, hall_id, level, comment, channel, client_key, tracking_code, reviewer_kind)
       VALUES ($1, $2, $3, $4, 'PUBLIC_FORM', $5, $6, 'ANONYMOUS')`,
      [id, hallId, body.level, body.comment ?? null, body.clientKey, trackingCode],
    );
    return reply.status(201).send({ id, trackingCode, level: body.level, created: true });
  });
  await app.listen({ port: Number(portArg), host: '127.0.0.1' });
  process.stdout.write('bare endpoint ready\n');
  const close = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
