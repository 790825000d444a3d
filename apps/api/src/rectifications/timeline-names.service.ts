import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import {
  labelTimeline,
  timelineLookup,
  type TimelineCaseFacts,
  type TimelineEntryLabels,
  type TimelineEntrySource,
  type TimelineLookup,
  type TimelineNames,
} from './timeline-labels';

interface NameRow {
  kind: 'ACCOUNT' | 'DEPARTMENT';
  key: string;
  name: string;
  departmentCodes: string[] | null;
}

/** Names a case's timeline (timeline-labels.ts) with one statement per answer, however long the timeline. */
@Injectable()
export class TimelineNamesService {
  constructor(private readonly prisma: PrismaService) {}

  async label<E extends TimelineEntrySource>(entries: readonly E[], facts: TimelineCaseFacts): Promise<Array<E & TimelineEntryLabels>> {
    return labelTimeline(entries, await this.lookUp(timelineLookup(entries, facts)), facts);
  }

  /** Accounts (display name, departments) and department names in one round trip; nothing to ask, no query. */
  private async lookUp({ userIds, departmentCodes }: TimelineLookup): Promise<TimelineNames> {
    if (userIds.length === 0 && departmentCodes.length === 0) return { accounts: new Map(), departments: new Map() };
    const rows = await this.prisma.client.$queryRaw<NameRow[]>`
      SELECT 'ACCOUNT' AS kind, id::text AS key, display_name AS name, department_codes AS "departmentCodes"
        FROM app_user WHERE id = ANY(${userIds}::uuid[])
      UNION ALL
      SELECT 'DEPARTMENT', code, name, NULL FROM department WHERE code = ANY(${departmentCodes}::text[])`;
    return {
      accounts: new Map(rows.filter((row) => row.kind === 'ACCOUNT').map((row) => [row.key, { displayName: row.name, departmentCodes: row.departmentCodes ?? [] }])),
      departments: new Map(rows.filter((row) => row.kind === 'DEPARTMENT').map((row) => [row.key, row.name])),
    };
  }
}
