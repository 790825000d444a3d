import { Injectable } from '@nestjs/common';
import { rate, type Actor } from '@haochaping/contracts';
import { COUNTED_IN_FIGURES, lateCase, onTimeCase, Prisma } from '@haochaping/db';
import { visibleHalls } from '../actor/actor-scope';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { PrismaService } from '../prisma/prisma.service';
import type { DepartmentSupervisionRow, HallStatisticsResponse, HallStatisticsRow, SupervisionStatisticsResponse } from './dto/statistics.response';
import { statisticsPeriod } from './statistics-rates';

interface HallCounts {
  code: string;
  name: string;
  reviews: number;
  bad_reviews: number;
  not_adopted: number;
  adopted: number;
  good: number;
  opened: number;
  still_open: number;
  closed: number;
  on_time: number;
  late: number;
  open_now: number;
  overdue_now: number;
  level_1: number;
  level_2: number;
  in_trouble: number;
}

interface DepartmentCounts {
  code: string | null;
  name: string | null;
  overdue: number;
  level_1: number;
  level_2: number;
  total: number;
}

/**
 * Figures for supervision (超期督办, the 工作台): per hall over a period, and the open cases in trouble now by
 * department and escalation level. Each is one SQL statement grouped in PostgreSQL, over the halls the actor sees
 * (actor/actor-scope.ts): the county every hall, a town role its own.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async halls(actor: Actor, query: { from?: Date; to?: Date }): Promise<HallStatisticsResponse> {
    const now = this.clock.now();
    const { from, to } = statisticsPeriod(query.from, query.to, now);
    const rows = await this.prisma.client.$queryRaw<HallCounts[]>`
      WITH scope AS (SELECT "id", "code", "name" FROM "hall" WHERE ${hallScope(actor)}),
      r AS (
        SELECT "hall_id",
          count(*)::int AS reviews,
          count(*) FILTER (WHERE "level" <= 2)::int AS bad_reviews,
          count(*) FILTER (WHERE "adoption" = 'NOT_ADOPTED')::int AS not_adopted,
          count(*) FILTER (WHERE "adoption" = 'ADOPTED' AND ${COUNTED_IN_FIGURES})::int AS adopted,
          count(*) FILTER (WHERE "adoption" = 'ADOPTED' AND ${COUNTED_IN_FIGURES} AND "level" >= 3)::int AS good
        FROM "review" r
        WHERE "hall_id" IN (SELECT "id" FROM scope) AND "created_at" >= ${from} AND "created_at" < ${to}
        GROUP BY "hall_id"),
      c AS (
        SELECT rc."hall_id",
          count(*)::int AS opened,
          count(*) FILTER (WHERE rc."state" <> 'CLOSED')::int AS still_open,
          count(*) FILTER (WHERE rc."state" = 'CLOSED')::int AS closed,
          count(*) FILTER (WHERE ${onTimeCase(now)})::int AS on_time,
          count(*) FILTER (WHERE ${lateCase(now)})::int AS late
        FROM "rectification_case" rc
        WHERE rc."hall_id" IN (SELECT "id" FROM scope) AND rc."opened_at" >= ${from} AND rc."opened_at" < ${to}
        GROUP BY rc."hall_id"),
      n AS (
        SELECT "hall_id",
          count(*)::int AS open_now,
          count(*) FILTER (WHERE "overdue")::int AS overdue_now,
          count(*) FILTER (WHERE "escalation_level" = 1)::int AS level_1,
          count(*) FILTER (WHERE "escalation_level" >= 2)::int AS level_2,
          count(*) FILTER (WHERE "overdue" OR "escalation_level" > 0)::int AS in_trouble
        FROM "rectification_case"
        WHERE "hall_id" IN (SELECT "id" FROM scope) AND "state" <> 'CLOSED'
        GROUP BY "hall_id")
      SELECT s."code", s."name",
        COALESCE(r.reviews, 0) AS reviews, COALESCE(r.bad_reviews, 0) AS bad_reviews, COALESCE(r.not_adopted, 0) AS not_adopted,
        COALESCE(r.adopted, 0) AS adopted, COALESCE(r.good, 0) AS good,
        COALESCE(c.opened, 0) AS opened, COALESCE(c.still_open, 0) AS still_open, COALESCE(c.closed, 0) AS closed,
        COALESCE(c.on_time, 0) AS on_time, COALESCE(c.late, 0) AS late,
        COALESCE(n.open_now, 0) AS open_now, COALESCE(n.overdue_now, 0) AS overdue_now,
        COALESCE(n.level_1, 0) AS level_1, COALESCE(n.level_2, 0) AS level_2, COALESCE(n.in_trouble, 0) AS in_trouble
      FROM scope s
      LEFT JOIN r ON r."hall_id" = s."id"
      LEFT JOIN c ON c."hall_id" = s."id"
      LEFT JOIN n ON n."hall_id" = s."id"
      ORDER BY s."code"`;
    return { from: formatShanghaiInstant(from), to: formatShanghaiInstant(to), halls: rows.map(toHallRow) };
  }

  async supervision(actor: Actor): Promise<SupervisionStatisticsResponse> {
    const inTrouble = Prisma.sql`rc."state" <> 'CLOSED' AND (rc."overdue" OR rc."escalation_level" > 0)
      AND rc."hall_id" IN (SELECT "id" FROM "hall" WHERE ${hallScope(actor)})`;
    const [departments, levels] = await Promise.all([
      this.prisma.client.$queryRaw<DepartmentCounts[]>`
        SELECT d."code", d."name",
          count(*) FILTER (WHERE rc."overdue")::int AS overdue,
          count(*) FILTER (WHERE rc."escalation_level" = 1)::int AS level_1,
          count(*) FILTER (WHERE rc."escalation_level" >= 2)::int AS level_2,
          count(*)::int AS total
        FROM "rectification_case" rc
        JOIN "review" r ON r."id" = rc."review_id"
        LEFT JOIN "service_item" si ON si."id" = r."service_item_id"
        LEFT JOIN "department" d ON d."id" = si."department_id"
        WHERE ${inTrouble}
        GROUP BY d."code", d."name"`,
      this.prisma.client.$queryRaw<Array<{ escalation_level: number; cases: number; overdue: number }>>`
        SELECT LEAST(rc."escalation_level", 2)::int AS escalation_level, count(*)::int AS cases, count(*) FILTER (WHERE rc."overdue")::int AS overdue
        FROM "rectification_case" rc
        WHERE ${inTrouble} AND rc."escalation_level" > 0
        GROUP BY 1`,
    ]);
    const byDepartment: DepartmentSupervisionRow[] = departments
      .map((row) => ({ departmentCode: row.code, departmentName: row.name, overdue: row.overdue, escalatedLevel1: row.level_1, escalatedLevel2: row.level_2, total: row.total }))
      .sort((a, b) => b.escalatedLevel2 - a.escalatedLevel2 || b.overdue - a.overdue || b.total - a.total || (a.departmentCode ?? '~').localeCompare(b.departmentCode ?? '~'));
    const byLevel = [1, 2].map((level) => {
      const row = levels.find((item) => item.escalation_level === level);
      return { escalationLevel: level, cases: row?.cases ?? 0, overdue: row?.overdue ?? 0 };
    });
    const overdueNow = departments.reduce((sum, row) => sum + row.overdue, 0);
    return { byDepartment, byLevel, overdueNow };
  }
}

/** The halls the actor sees, as a condition on "hall" (actor-scope.ts decides; this only writes it in SQL). */
function hallScope(actor: Actor): Prisma.Sql {
  const halls = visibleHalls(actor);
  if (halls === 'ALL') return Prisma.sql`TRUE`;
  if (halls.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`"code" IN (${Prisma.join([...halls])})`;
}

function toHallRow(row: HallCounts): HallStatisticsRow {
  return {
    hallCode: row.code,
    hallName: row.name,
    reviews: row.reviews,
    badReviews: row.bad_reviews,
    notAdoptedReviews: row.not_adopted,
    adoptedReviews: row.adopted,
    goodReviews: row.good,
    goodRate: rate(row.good, row.adopted),
    casesOpened: row.opened,
    casesOpen: row.still_open,
    casesClosed: row.closed,
    onTimeCases: row.on_time,
    lateCases: row.late,
    onTimeRate: rate(row.on_time, row.on_time + row.late),
    openNow: row.open_now,
    overdueNow: row.overdue_now,
    escalatedLevel1: row.level_1,
    escalatedLevel2: row.level_2,
    inTroubleNow: row.in_trouble,
  };
}
