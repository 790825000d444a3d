import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { appendAudit } from '@haochaping/db';
import { AppConfig } from '../config/app-config';
import { PrismaService } from '../prisma/prisma.service';
import { hashPassword, meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE } from './password';

/**
 * A production database starts without accounts: with INITIAL_ADMIN_PASSWORD set and no ADMIN account yet, the API
 * creates `admin` with that password (to be changed at the first sign-in). Later starts find the admin and do nothing.
 */
@Injectable()
export class InitialAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('InitialAdmin');

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.auth.initialAdminPassword;
    if (!password) return;
    const db = this.prisma.client;
    if ((await db.user.count({ where: { role: 'ADMIN' } })) > 0) return;
    if (!meetsPasswordPolicy(password)) throw new Error(`INITIAL_ADMIN_PASSWORD: ${PASSWORD_POLICY_MESSAGE}`);
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      const { count } = await tx.user.createMany({
        data: [{ username: 'admin', displayName: '系统管理员', role: 'ADMIN', passwordHash, mustChangePassword: true }],
        skipDuplicates: true,
      });
      if (count === 1) {
        await appendAudit(tx, { actorId: 'system', actorRole: 'SYSTEM', action: 'user.create-initial-admin', entityType: 'user', details: { username: 'admin' } });
      }
    });
    this.logger.log('created the initial account "admin" from INITIAL_ADMIN_PASSWORD (to be changed at the first sign-in)');
  }
}
