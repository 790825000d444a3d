import type { DataProtector } from '@haochaping/privacy/server';
import type { Pool } from 'pg';

/** How much the county's database holds after a few years (issue 6: 100,000 cases, 1,000,000 reviews). */
export interface VolumeSpec {
  serviceCases: number;
  reviews: number;
  /** Every `badEvery`-th review is bad (level 1 or 2) and has a rectification case. */
  badEvery: number;
  /** Reviews and cases spread over this many days before now. */
  days: number;
  /** Only bad reviews of the last this many days have an open case (the others closed); by default any may. */
  openWithinDays?: number;
}

export const DEFAULT_VOLUME: VolumeSpec = { serviceCases: 100_000, reviews: 1_000_000, badEvery: 10, days: 730 };

export interface SeededVolume {
  serviceCases: number;
  reviews: number;
  rectificationCases: number;
  timelineEntries: number;
  seconds: number;
}

/**
 * Fills a migrated, reference-seeded database with `spec` in set-based SQL (generate_series), so a million rows take
 * a minute, not an hour. The rows are what intake and the workflow write: reviews copy hall/window/item, bad reviews
 * have a read-model row (states, categories, due times around now, overdue and escalated ones, closed ones) and two
 * timeline entries; the first `serviceCases` reviews rate a 办件 each. Personal data is encrypted with the stack's
 * key (one ciphertext reused: the lists decrypt nothing, the detail pages decrypt it like any other).
 */
export async function seedVolume(pool: Pool, protector: DataProtector, spec: VolumeSpec = DEFAULT_VOLUME): Promise<SeededVolume> {
  const started = performance.now();
  const nameEnc = protector.encrypt('张三');
  const phone = '13800138000';
  const phoneEnc = protector.encrypt(phone);
  const phoneHash = protector.phoneHash(phone);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Generated rows need no trigger: no foreign key to check row by row, no day of the results' aggregates to mark
    // dirty (none is settled yet). Needs the superuser the bench's embedded PostgreSQL gives.
    await client.query("SET LOCAL session_replication_role = 'replica'");
    // Reference rows to spread the volume over, numbered so generate_series can pick one by modulo.
    await client.query(`
      CREATE TEMP TABLE bench_hall ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM hall;
      CREATE TEMP TABLE bench_item ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM service_item;
      CREATE TEMP TABLE bench_window ON COMMIT DROP AS SELECT row_number() OVER (PARTITION BY hall_id ORDER BY id) - 1 AS n, id, hall_id FROM service_window`.replace(/\n\s+/g, ' '));
    await client.query(
      `INSERT INTO service_case (id, case_number, service_item_id, hall_id, window_id, applicant_kind, applicant_name_enc, applicant_phone_enc,
         applicant_phone_hash, received_at, completed_at, channel, source, created_at, updated_at)
       SELECT gen_random_uuid(), 'BENCH-' || lpad(s::text, 8, '0'), i.id, h.id, w.id, 'PERSON', $2, $3, $4,
         now() - make_interval(mins => ((s::bigint * 7919) % ($5::int * 1440))::int) - interval '2 hours',
         now() - make_interval(mins => ((s::bigint * 7919) % ($5::int * 1440))::int),
         CASE WHEN s % 3 = 0 THEN 'ONLINE'::case_channel ELSE 'WINDOW'::case_channel END, 'bench', now(), now()
       FROM generate_series(1, $1::int) AS s
       JOIN bench_hall h ON h.n = s % (SELECT count(*) FROM bench_hall)
       JOIN bench_item i ON i.n = s % (SELECT count(*) FROM bench_item)
       LEFT JOIN bench_window w ON w.hall_id = h.id AND w.n = 0`,
      [spec.serviceCases, nameEnc, phoneEnc, phoneHash, spec.days],
    );
    // Millions of rows go in faster without the review's secondary indexes, built once afterwards (same transaction).
    const reviewIndexes = (
      await client.query<{ name: string; definition: string }>(
        "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'review' AND indexname <> 'review_pkey'",
      )
    ).rows;
    for (const index of reviewIndexes) await client.query(`DROP INDEX "${index.name}"`);
    // Reviews: level 5 most, bad ones every badEvery-th; the first serviceCases rate the 办件 of the same number.
    await client.query(
      // A case's rating comes only from the rating channels (QR, invitation, portal); a hotline entry may be about a case
      // (about_case_id) without taking its rating, and the public form names none.
      `INSERT INTO review (id, hall_id, window_id, service_item_id, case_id, about_case_id, level, comment, channel, reviewer_kind,
         reviewer_name_enc, reviewer_phone_enc, reviewer_phone_hash, tracking_code, adoption, client_key, created_at)
       SELECT gen_random_uuid(), h.id, w.id, i.id, CASE WHEN s % 5 < 3 THEN c.id END, CASE WHEN s % 5 = 4 THEN c.id END,
         CASE WHEN s % $2 = 0 THEN 1 + (s / $2) % 2 WHEN s % 7 = 0 THEN 3 WHEN s % 3 = 0 THEN 4 ELSE 5 END,
         CASE WHEN s % $2 = 0 THEN '窗口排队时间太长，工作人员态度生硬' WHEN s % 5 = 0 THEN '办事很快，服务热情' END,
         (ARRAY['WINDOW_QR','CASE_INVITATION','ONLINE_PORTAL','PUBLIC_FORM','HOTLINE'])[1 + s % 5]::review_channel,
         CASE WHEN s % 2 = 0 THEN 'REAL_NAME'::reviewer_kind ELSE 'ANONYMOUS'::reviewer_kind END,
         CASE WHEN s % 2 = 0 THEN $4 END, CASE WHEN s % 2 = 0 THEN $5 END, CASE WHEN s % 2 = 0 THEN $6 END,
         'B' || lpad(s::text, 9, '0'), CASE WHEN s % ($2 * 50) = 0 THEN 'NOT_ADOPTED'::review_adoption ELSE 'ADOPTED'::review_adoption END,
         'bench-' || s, now() - make_interval(mins => ((s::bigint * 7919) % ($3::int * 1440))::int)
       FROM generate_series(1, $1::int) AS s
       JOIN bench_hall h ON h.n = s % (SELECT count(*) FROM bench_hall)
       JOIN bench_item i ON i.n = s % (SELECT count(*) FROM bench_item)
       LEFT JOIN bench_window w ON w.hall_id = h.id AND w.n = 0
       LEFT JOIN service_case c ON s <= $7 AND c.case_number = 'BENCH-' || lpad(s::text, 8, '0')`,
      [spec.reviews, spec.badEvery, spec.days, nameEnc, phoneEnc, phoneHash, spec.serviceCases],
    );
    for (const index of reviewIndexes) await client.query(index.definition);
    // The read model of every bad review: most closed, the open ones spread over the states with due times around now.
    await client.query(
      `INSERT INTO rectification_case (review_id, workflow_id, hall_id, level, state, state_label, opened_at, category, escalation_level,
         callback_due_at, result_due_at, confirmation_due_at, overdue, outcome, sla_policy_version, closed_at, owner, updated_at)
       SELECT r.id, 'rectification-' || r.id, r.hall_id, r.level, st.state, st.label, r.created_at,
         CASE WHEN st.state = 'PENDING_VERIFICATION' THEN NULL ELSE (ARRAY['IMMEDIATE','TIME_LIMITED','COORDINATED'])[1 + k % 3] END,
         CASE WHEN st.state <> 'CLOSED' AND k % 11 = 0 THEN 2 WHEN st.state <> 'CLOSED' AND k % 5 = 0 THEN 1 ELSE 0 END,
         CASE WHEN st.state = 'PENDING_VERIFICATION' THEN now() + make_interval(mins => (k % 600)::int - 300) END,
         CASE WHEN st.state IN ('PENDING_VERIFICATION','RECTIFYING','EXTENSION_PENDING','REOPENED') THEN now() + make_interval(mins => (k % 8640)::int - 2880) END,
         CASE WHEN st.state = 'AWAITING_CONFIRMATION' THEN now() + make_interval(mins => (k % 7200)::int) END,
         st.state <> 'CLOSED' AND k % 5 = 0,
         CASE WHEN st.state = 'CLOSED' THEN (ARRAY['SATISFIED','SATISFIED','NO_OBJECTION','UNSATISFIED','REJECTED'])[1 + k % 5] END,
         1, CASE WHEN st.state = 'CLOSED' THEN r.created_at + interval '3 days' END,
         CASE WHEN st.state = 'REOPENED' THEN 'COUNTY' ELSE 'HALL' END, now()
       FROM (SELECT id, hall_id, level, created_at, row_number() OVER (ORDER BY created_at) AS k FROM review WHERE level <= 2) AS r
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES
           ('PENDING_VERIFICATION', '待核实', 0), ('RECTIFYING', '整改中', 1), ('AWAITING_CONFIRMATION', '待群众确认', 2),
           ('REJECTION_PENDING', '不予采纳待审核', 3), ('EXTENSION_PENDING', '延期待审批', 4), ('REOPENED', '重办中', 5)
         ) AS open_state(state, label, slot)
         WHERE r.k % 20 = open_state.slot AND r.created_at > now() - make_interval(days => $1::int)
         UNION ALL SELECT 'CLOSED', '已办结', -1 WHERE r.k % 20 >= 6 OR r.created_at <= now() - make_interval(days => $1::int)
       ) AS st`,
      [spec.openWithinDays ?? spec.days + 1],
    );
    await client.query(
      `INSERT INTO rectification_timeline_entry (review_id, seq, at, actor, action, details)
       SELECT c.review_id, e.seq, c.opened_at + make_interval(hours => e.seq::int), e.actor, e.action, jsonb_build_object('state', c.state)
       FROM rectification_case c
       CROSS JOIN (VALUES (0, 'system', '差评已受理，待核实'), (1, 'bench-handler', '核实属实')) AS e(seq, actor, action)`,
    );
    // A case closed after a result had its result fed back (待群众确认) a day or two after it opened: its handling time.
    await client.query(
      `INSERT INTO rectification_timeline_entry (review_id, seq, at, actor, action, details)
       SELECT c.review_id, 2, c.opened_at + make_interval(hours => 20 + (abs(hashtext(c.review_id::text)) % 30)), 'bench-handler', '反馈整改结果',
         jsonb_build_object('state', 'AWAITING_CONFIRMATION')
       FROM rectification_case c WHERE c.state = 'CLOSED' AND c.outcome <> 'REJECTED'`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await pool.query('VACUUM ANALYZE service_case, review, rectification_case, rectification_timeline_entry');
  const count = async (table: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
  return {
    serviceCases: await count('service_case'),
    reviews: await count('review'),
    rectificationCases: await count('rectification_case'),
    timelineEntries: await count('rectification_timeline_entry'),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
