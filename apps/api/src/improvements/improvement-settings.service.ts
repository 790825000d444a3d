import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import type { ImprovementSettingsDto, ImprovementSettingsResponse } from './dto/improvement-settings.dto';
import type { RecurrenceSettings } from './recurrence.rule';

const KEY = 'improvements.recurrence';
/**
 * The migration's row (20261207200000_improvement_items), and what applies while the row is missing (a restored old
 * dump): the seed's set is not the point, an admin edits the themes.
 */
export const DEFAULT_RECURRENCE_SETTINGS: RecurrenceSettings = {
  minCount: 3,
  periodDays: 30,
  themes: [
    { label: '排队等候时间长', keywords: ['排队', '等了', '等候'] },
    { label: '材料反复提交', keywords: ['材料', '跑了好几趟', '多次跑'] },
    { label: '系统故障', keywords: ['系统', '卡顿', '网络'] },
  ],
};

function readSettings(value: unknown): RecurrenceSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_RECURRENCE_SETTINGS;
  const { minCount, periodDays, themes } = value as Partial<RecurrenceSettings>;
  return {
    minCount: Number.isInteger(minCount) && (minCount ?? 0) >= 2 ? (minCount as number) : DEFAULT_RECURRENCE_SETTINGS.minCount,
    periodDays: Number.isInteger(periodDays) && (periodDays ?? 0) >= 1 ? (periodDays as number) : DEFAULT_RECURRENCE_SETTINGS.periodDays,
    themes: Array.isArray(themes) ? themes.filter((theme) => typeof theme?.label === 'string' && Array.isArray(theme.keywords)) : DEFAULT_RECURRENCE_SETTINGS.themes,
  };
}

/** 优化清单's admin settings, in app_setting: the count and period that make a recurrence, and the free-text themes. */
@Injectable()
export class ImprovementSettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async recurrence(): Promise<RecurrenceSettings> {
    const row = await this.prisma.client.appSetting.findUnique({ where: { key: KEY } });
    return readSettings(row?.value);
  }

  async get(): Promise<ImprovementSettingsResponse> {
    const row = await this.prisma.client.appSetting.findUnique({ where: { key: KEY } });
    return { ...readSettings(row?.value), updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
  }

  /** Saves the settings and their audit line (`improvement-settings.update`, before and after) in one transaction. */
  async update(body: ImprovementSettingsDto, actor: Actor, context: RequestContext): Promise<ImprovementSettingsResponse> {
    const labels = body.themes.map((theme) => theme.label);
    const repeated = labels.find((label, index) => labels.indexOf(label) !== index);
    if (repeated !== undefined) throw new DomainHttpException(422, 'VALIDATION_FAILED', `主题“${repeated}”重复`, [{ field: 'themes', message: `主题“${repeated}”重复` }]);
    const value = { minCount: body.minCount, periodDays: body.periodDays, themes: body.themes.map((theme) => ({ label: theme.label, keywords: theme.keywords.map((keyword) => keyword.trim()) })) };
    await this.prisma.client.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key: KEY } });
      const data = { value, updatedBy: actor.userId, updatedAt: new Date() };
      await tx.appSetting.upsert({ where: { key: KEY }, create: { key: KEY, ...data }, update: data });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'improvement-settings.update',
        entityType: 'app_setting',
        entityId: KEY,
        details: { before: before?.value ?? null, after: value },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return this.get();
  }
}
