import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError } from '../common/api-error';
import { WindowsService } from './windows.service';

// The QR of a window changes only with PUBLIC_BASE_URL or the window's code; the poster also shows names an admin
// may correct, so browsers keep it briefly. `private`: these answers depend on who asks.
const QR_CACHE = 'private, max-age=3600';
const POSTER_CACHE = 'private, max-age=300';
// The poster is a static page: no script, nothing from elsewhere, inline styles and the inline SVG only.
const POSTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A file name safe in a header, from codes admins chose. */
const fileStem = (hallCode: string, windowCode: string) => `qr-${hallCode}-${windowCode}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** QR codes and printable posters of the service windows (admins, the county, and a hall's own staff). */
@ApiTags('windows')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only: {"userId":"…","role":"ADMIN","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not an admin, the county, or staff of this hall' })
@ApiNotFoundResponse({ type: ApiError, description: 'HALL_NOT_FOUND / WINDOW_NOT_FOUND' })
@ApiConflictResponse({ type: ApiError, description: 'WINDOW_DISABLED: an admin closed the window' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN', 'COUNTY_SUPERVISOR', 'HANDLER', 'TOWN_LEADER')
@ApiBearerAuth()
@Controller('windows/:hallCode/:windowCode')
export class WindowsController {
  constructor(private readonly windows: WindowsService) {}

  @Get('qr.png')
  @ApiOperation({ summary: 'The QR of ${PUBLIC_BASE_URL}/citizen/w/<hall>/<window> as PNG (560 px)' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'image/png' })
  async qrPng(
    @Param('hallCode') hallCode: string,
    @Param('windowCode') windowCode: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.windows.qrPng(actor, hallCode, windowCode);
    reply.type('image/png').header('cache-control', QR_CACHE).header('content-disposition', `inline; filename="${fileStem(hallCode, windowCode)}.png"`);
    return png;
  }

  @Get('qr.svg')
  @ApiOperation({ summary: 'The same QR as SVG (scales to any print size)' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'image/svg+xml' })
  async qrSvg(
    @Param('hallCode') hallCode: string,
    @Param('windowCode') windowCode: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const svg = await this.windows.qrSvg(actor, hallCode, windowCode);
    reply.type('image/svg+xml; charset=utf-8').header('cache-control', QR_CACHE).header('content-disposition', `inline; filename="${fileStem(hallCode, windowCode)}.svg"`);
    return svg;
  }

  @Get('poster')
  @ApiOperation({ summary: 'A printable A5 HTML page: hall, window, the QR, how to rate, the service hotline' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html' })
  async poster(
    @Param('hallCode') hallCode: string,
    @Param('windowCode') windowCode: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.windows.poster(actor, hallCode, windowCode);
    reply.type('text/html; charset=utf-8').header('cache-control', POSTER_CACHE).header('content-security-policy', POSTER_CSP);
    return html;
  }
}
