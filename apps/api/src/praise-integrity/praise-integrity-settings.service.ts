import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, type Prisma } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import type { PraiseIntegritySettingsDto, PraiseIntegritySettingsResponse } from './dto/praise-integrity-settings.dto';
import { parseCidr } from './rules/hall-network.rule';
import type { OneSourceConfig } from './rules/one-source.rule';
import type { PraiseBurstConfig } from './rules/praise-burst.rule';
import type { TooFastConfig } from './rules/too-fast.rule';

const SETTING_KEY = 'praise-integrity.rules';

/** The four rules' thresholds as the detection reads them. */
export interface PraiseIntegrityRulesConfig {
  readonly burst: PraiseBurstConfig;
  readonly oneSource: OneSourceConfig;
  readonly hallNetworks: ReadonlyArray<{ readonly hallCode: string; readonly cidrs: readonly string[] }>;
  readonly tooFast: TooFastConfig;
}

/**
 * What applies until an admin saves the setting: 5 非常满意 within 30 minutes, each within 10 minutes of completion;
 * 3 cases from one device or address in a day; no hall network known; 3 ratings within 15 seconds of completion at
 * one window in a day.
 */
export const DEFAULT_PRAISE_INTEGRITY_RULES: PraiseIntegrityRulesConfig = {
  burst: { minReviews: 5, withinMinutes: 30, afterCompletionMinutes: 10 },
  oneSource: { minCases: 3 },
  hallNetworks: [],
  tooFast: { maxSecondsAfterCompletion: 15, minReviews: 3 },
};

/** The 刷好评 rules' admin settings, in app_setting (like results-settings.service.ts), changed with an audit line. */
@Injectable()
export class PraiseIntegritySettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async rules(): Promise<PraiseIntegrityRulesConfig> {
    const { burst, oneSource, hallNetworks, tooFast } = await this.get();
    return { burst, oneSource, hallNetworks, tooFast };
  }

  async get(): Promise<PraiseIntegritySettingsResponse> {
    const row = await this.prisma.client.appSetting.findUnique({ where: { key: SETTING_KEY } });
    // The row is written only through update(), validated; a missing row is the defaults.
    const stored = (row?.value ?? null) as unknown as PraiseIntegrityRulesConfig | null;
    const rules = stored ?? DEFAULT_PRAISE_INTEGRITY_RULES;
    return {
      burst: { ...rules.burst },
      oneSource: { ...rules.oneSource },
      hallNetworks: rules.hallNetworks.map((network) => ({ hallCode: network.hallCode, cidrs: [...network.cidrs] })),
      tooFast: { ...rules.tooFast },
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  /**
   * Saves all four rules' thresholds and the audit line (`praise-integrity-settings.update`, before and after) in one
   * transaction. A hall network needs a known hall code and CIDRs that parse (422 naming the field otherwise).
   */
  async update(body: PraiseIntegritySettingsDto, actor: Actor, context: RequestContext): Promise<PraiseIntegritySettingsResponse> {
    const value: PraiseIntegrityRulesConfig = {
      burst: { minReviews: body.burst.minReviews, withinMinutes: body.burst.withinMinutes, afterCompletionMinutes: body.burst.afterCompletionMinutes },
      oneSource: { minCases: body.oneSource.minCases },
      hallNetworks: body.hallNetworks.map((network) => ({ hallCode: network.hallCode, cidrs: network.cidrs.map((cidr) => cidr.trim()) })),
      tooFast: { maxSecondsAfterCompletion: body.tooFast.maxSecondsAfterCompletion, minReviews: body.tooFast.minReviews },
    };
    await this.assertHallNetworks(value);
    await this.prisma.client.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key: SETTING_KEY } });
      const json = value as unknown as Prisma.InputJsonObject;
      const data = { value: json, updatedBy: actor.userId, updatedAt: new Date() };
      await tx.appSetting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, ...data }, update: data });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'praise-integrity-settings.update',
        entityType: 'app_setting',
        entityId: SETTING_KEY,
        details: { before: (before?.value ?? null) as Prisma.InputJsonValue | null, after: json },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return this.get();
  }

  private async assertHallNetworks(value: PraiseIntegrityRulesConfig): Promise<void> {
    const errors: ApiFieldError[] = [];
    const codes = value.hallNetworks.map((network) => network.hallCode);
    const known = new Set((await this.prisma.client.hall.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((hall) => hall.code));
    const seen = new Set<string>();
    value.hallNetworks.forEach((network, index) => {
      if (!known.has(network.hallCode)) errors.push({ field: `hallNetworks.${index}.hallCode`, message: `没有编码为 ${network.hallCode} 的服务大厅` });
      if (seen.has(network.hallCode)) errors.push({ field: `hallNetworks.${index}.hallCode`, message: `服务大厅 ${network.hallCode} 重复填写` });
      seen.add(network.hallCode);
      network.cidrs.forEach((cidr, cidrIndex) => {
        if (!parseCidr(cidr)) errors.push({ field: `hallNetworks.${index}.cidrs.${cidrIndex}`, message: `${cidr} 不是有效的网段（如 10.20.0.0/16）` });
      });
    });
    if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', '刷好评规则设置有误', errors);
  }
}
