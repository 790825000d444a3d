import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { PrismaService } from '../prisma/prisma.service';
import type { ResultsSettingsDto, ResultsSettingsResponse } from './dto/results-settings.dto';

const MIN_REVIEWS_TO_RANK = 'results.minReviewsToRank';
/** What applies while the row is missing (the migration writes it; a restored old dump may not have it). */
export const DEFAULT_MIN_REVIEWS_TO_RANK = 3;

/** The results' admin settings, in app_setting: for now how many reviews a ranking needs. */
@Injectable()
export class ResultsSettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async minReviewsToRank(): Promise<number> {
    return (await this.get()).minReviewsToRank;
  }

  async get(): Promise<ResultsSettingsResponse> {
    const row = await this.prisma.client.appSetting.findUnique({ where: { key: MIN_REVIEWS_TO_RANK } });
    const value = typeof row?.value === 'number' && Number.isInteger(row.value) && row.value >= 1 ? row.value : DEFAULT_MIN_REVIEWS_TO_RANK;
    return { minReviewsToRank: value, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
  }

  /** Saves the setting and its audit line (`results-settings.update`, before and after) in one transaction. */
  async update(body: ResultsSettingsDto, actor: Actor, context: RequestContext): Promise<ResultsSettingsResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key: MIN_REVIEWS_TO_RANK } });
      const data = { value: body.minReviewsToRank, updatedBy: actor.userId, updatedAt: new Date() };
      await tx.appSetting.upsert({ where: { key: MIN_REVIEWS_TO_RANK }, create: { key: MIN_REVIEWS_TO_RANK, ...data }, update: data });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'results-settings.update',
        entityType: 'app_setting',
        entityId: MIN_REVIEWS_TO_RANK,
        details: { before: before?.value ?? null, after: body.minReviewsToRank },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return this.get();
  }
}
