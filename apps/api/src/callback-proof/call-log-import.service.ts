import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { DataProtector } from '@haochaping/privacy/server';
import { canSeeHall } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { parseCallLogCsv } from './call-log-csv';
import type { CallLogImportResponse } from './dto/call-log-import.response';

interface HashedCall {
  readonly calledAt: Date;
  readonly durationSeconds: number;
  readonly calledPhoneHash: string;
}

/**
 * Imports a hall's phone-system call log as evidence of callbacks. The called number is hashed with the keyed phone
 * hash the reviews use as soon as a line is read, and only the hash is stored, so the log can be matched against a
 * reviewer's number without either being kept in clear. A call is stored once (unique hall, time, number): a log
 * imported again, or two overlapping exports, add only what is new.
 */
@Injectable()
export class CallLogImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  async importCsv(content: Uint8Array | string, hallCode: string, dryRun: boolean, actor: Actor): Promise<CallLogImportResponse> {
    if (!canSeeHall(actor, hallCode)) throw new DomainHttpException(403, 'FORBIDDEN', '只能导入本人所辖服务大厅的通话记录');
    const hall = await this.prisma.client.hall.findUnique({ where: { code: hallCode }, select: { id: true } });
    if (!hall) throw new DomainHttpException(422, 'UNKNOWN_HALL', '未找到该服务大厅', [{ field: 'hallCode', message: `没有编码为 ${hallCode} 的服务大厅` }]);

    const { calls, badLines } = parseCallLogCsv(content);
    const unique = new Map<string, HashedCall>();
    for (const call of calls) {
      const hashed = { calledAt: call.calledAt, durationSeconds: call.durationSeconds, calledPhoneHash: this.protector.phoneHash(call.number) };
      unique.set(`${hashed.calledAt.getTime()}|${hashed.calledPhoneHash}`, hashed);
    }
    const distinct = [...unique.values()];
    const imported = dryRun ? distinct.length - (await this.alreadyStored(hall.id, distinct)) : await this.store(hall.id, distinct, actor.userId);
    return { dryRun, hallCode, lines: calls.length + badLines.length, valid: calls.length, imported, alreadyImported: calls.length - imported, badLines };
  }

  /** New calls written in one statement; the ones already stored are skipped by the unique index. */
  private async store(hallId: string, calls: readonly HashedCall[], importedBy: string): Promise<number> {
    if (calls.length === 0) return 0;
    const { count } = await this.prisma.client.callLogEntry.createMany({
      data: calls.map((call) => ({ hallId, ...call, importedBy })),
      skipDuplicates: true,
    });
    return count;
  }

  private async alreadyStored(hallId: string, calls: readonly HashedCall[]): Promise<number> {
    if (calls.length === 0) return 0;
    const [{ count }] = await this.prisma.client.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count
        FROM call_log_entry stored
        JOIN unnest(${calls.map((call) => call.calledAt)}::timestamptz[], ${calls.map((call) => call.calledPhoneHash)}::text[]) AS file(called_at, called_phone_hash)
          ON stored.called_at = file.called_at AND stored.called_phone_hash = file.called_phone_hash
       WHERE stored.hall_id = ${hallId}::uuid`;
    return count;
  }
}
