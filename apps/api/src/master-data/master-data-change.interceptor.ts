import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { concatMap, type Observable } from 'rxjs';
import { MasterDataVersion } from '@haochaping/db';

/**
 * On the controllers that write cached master data (halls, windows, staff, service items, option sets, calendar
 * years): after a successful write this process reads the master-data version before it answers, so its own very
 * next request already uses the change. Every other process (and this one, a moment later anyway) hears of it by
 * the master_data_changed NOTIFY.
 */
@Injectable()
export class MasterDataChangeInterceptor implements NestInterceptor {
  constructor(private readonly version: MasterDataVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { method } = context.switchToHttp().getRequest<{ method: string }>();
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        // The write is committed: failing the answer over this read would be wrong. The NOTIFY still comes.
        await this.version.catchUp().catch(() => undefined);
        return body;
      }),
    );
  }
}
