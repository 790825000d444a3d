import { Injectable } from '@nestjs/common';
import { DataProtector } from '@haochaping/privacy/server';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { PrismaService } from '../prisma/prisma.service';
import type { CaseLookupResponse, WindowResponse } from './dto/window.dto';
import { RatingMasterData, type HallEntry, type WindowEntry } from './master-data/rating-master-data.service';
import { IntakeRateLimiter } from './rate-limit/intake-rate-limiter';
import { SERVICE_HOTLINE } from '@haochaping/contracts';
import { maskCaseNumber } from './rules/rating-labels';
import { ratingPeriodClosesAt } from './rules/review-rules';

/**
 * No rating period is longer than this many calendar days (5 working days around the longest holiday, 春节, take
 * about two weeks): the query takes cases completed since then, and the hall's calendar decides exactly.
 */
const LOOKUP_CALENDAR_DAYS = 31;
const MAX_CASES = 20;

/** The window QR page: which window it is, and the citizen's cases there that can still be rated. */
@Injectable()
export class WindowLookupService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly masterData: RatingMasterData,
    private readonly protector: DataProtector,
    private readonly limiter: IntakeRateLimiter,
    private readonly clock: Clock,
  ) {}

  async describe(hallCode: string, windowCode: string): Promise<WindowResponse> {
    const { hall, window } = await this.window(hallCode, windowCode);
    return { hall: { code: hall.code, name: hall.name }, window: { code: window.code, name: window.name }, hotline: SERVICE_HOTLINE };
  }

  /**
   * Cases completed at this window for this phone, inside their rating period and not rated yet, newest first.
   * Matched by the phone's keyed hash (never by decrypting and comparing), on the (window, phone hash, completed)
   * index.
   */
  async lookup(hallCode: string, windowCode: string, phone: string): Promise<CaseLookupResponse> {
    const phoneHash = this.protector.phoneHash(phone);
    await this.limiter.hitPhone(phoneHash);
    const { window } = await this.window(hallCode, windowCode);
    const now = this.clock.now();
    const rows = await this.prisma.client.serviceCase.findMany({
      where: {
        windowId: window.id,
        applicantPhoneHash: phoneHash,
        completedAt: { gte: new Date(now.getTime() - LOOKUP_CALENDAR_DAYS * 86_400_000), lte: now },
        review: { is: null },
      },
      select: { id: true, caseNumber: true, serviceItemId: true, completedAt: true, hallId: true },
      orderBy: { completedAt: 'desc' },
      take: MAX_CASES,
    });
    const cases: CaseLookupResponse['cases'] = [];
    for (const row of rows) {
      if (!row.completedAt) continue;
      const workingTime = await this.masterData.workingTimeOf(row.hallId);
      if (ratingPeriodClosesAt(workingTime, row.completedAt).getTime() < now.getTime()) continue;
      const item = await this.masterData.serviceItem(row.serviceItemId);
      cases.push({
        caseId: row.id,
        caseNumberMasked: maskCaseNumber(row.caseNumber),
        serviceItemName: item.name,
        completedAt: formatShanghaiInstant(row.completedAt),
        nature: item.nature,
      });
    }
    return { cases };
  }

  /** The hall and window a QR code names: 404 when either is unknown (the page says the code is wrong). */
  private async window(hallCode: string, windowCode: string): Promise<{ hall: HallEntry; window: WindowEntry }> {
    const hall = await this.masterData.findHall(hallCode);
    if (!hall) throw new DomainHttpException(404, 'UNKNOWN_HALL', `没有编码为 ${hallCode} 的服务大厅，请核对二维码`);
    const window = await this.masterData.findWindow(hall, windowCode);
    if (!window) throw new DomainHttpException(404, 'UNKNOWN_WINDOW', `${hall.name}没有编码为 ${windowCode} 的窗口，请核对二维码`);
    return { hall, window };
  }
}
