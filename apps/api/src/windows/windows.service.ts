import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { canSeeHall } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { PrismaService } from '../prisma/prisma.service';
import { renderWindowPoster } from './window-poster';
import { renderQrPng, renderQrSvg, windowRatingUrl } from './window-qr';

interface WindowRef {
  hallName: string;
  windowName: string;
  windowCode: string;
  url: string;
}

/** The QR code and the printable poster of one window of a hall. */
@Injectable()
export class WindowsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async qrPng(actor: Actor, hallCode: string, windowCode: string): Promise<Buffer> {
    return renderQrPng((await this.find(actor, hallCode, windowCode)).url);
  }

  async qrSvg(actor: Actor, hallCode: string, windowCode: string): Promise<string> {
    return renderQrSvg((await this.find(actor, hallCode, windowCode)).url);
  }

  async poster(actor: Actor, hallCode: string, windowCode: string): Promise<string> {
    const window = await this.find(actor, hallCode, windowCode);
    return renderWindowPoster({ ...window, qrSvg: await renderQrSvg(window.url) });
  }

  /** The hall's own staff print their hall's posters; the county prints every hall's. */
  private async find(actor: Actor, hallCode: string, windowCode: string): Promise<WindowRef> {
    if (!canSeeHall(actor, hallCode)) throw new DomainHttpException(403, 'FORBIDDEN', '无权获取其他镇街窗口的二维码');
    const hall = await this.prisma.client.hall.findUnique({ where: { code: hallCode }, select: { id: true, name: true } });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
    const window = await this.prisma.client.serviceWindow.findUnique({ where: { hallId_code: { hallId: hall.id, code: windowCode } }, select: { code: true, name: true, disabledAt: true } });
    if (!window) throw new DomainHttpException(404, 'WINDOW_NOT_FOUND', `${hall.name}没有编号为 ${windowCode} 的窗口`);
    // A closed window takes no ratings (the intake skips it), so no new QR code or poster is printed for it.
    if (window.disabledAt) throw new DomainHttpException(409, 'WINDOW_DISABLED', `${hall.name}${window.name}（${windowCode}）已停用，不再提供评价二维码；启用后可重新获取`);
    return { hallName: hall.name, windowName: window.name, windowCode: window.code, url: windowRatingUrl(this.config.limits.publicBaseUrl, hallCode, window.code) };
  }
}
