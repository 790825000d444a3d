import { Context } from '@temporalio/activity';
import { settleFigureDays, type HallWorkingTime, type PrismaClient, type SettleReport } from '@haochaping/db';

export interface FigureDaysActivities {
  settleFigureDays(input: { at: string }): Promise<SettleReport>;
}

/**
 * Recomputes the results' daily aggregates (@haochaping/db figures/figure-days.ts): every day never settled or made
 * dirty since, from the first day with data, that can be settled at `at`. Idempotent (a day's rows are replaced
 * whole); a day missed while the worker was down is still a candidate at the next run. Heartbeats after each run of
 * days, so a long first run (a county's history) is not taken for a stuck one.
 */
export function createFigureDaysActivities(dependencies: { prisma: PrismaClient; workingTimeOfHall: HallWorkingTime }): FigureDaysActivities {
  return {
    async settleFigureDays({ at }) {
      const context = Context.current();
      return settleFigureDays(dependencies.prisma, dependencies.workingTimeOfHall, {
        now: new Date(at),
        onProgress: (report) => context.heartbeat(report.settled.length + report.partial.length),
      });
    },
  };
}
