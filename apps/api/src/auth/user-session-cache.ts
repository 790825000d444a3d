import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

/** How long one look-up of a user's status is trusted. */
export const SESSION_CHECK_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  authVersion: number;
  disabled: boolean;
  fetchedAt: number;
}

/**
 * Whether an access token's user still stands as the token says: the account exists, is not disabled, and its
 * authVersion equals the token's `ver`. One primary-key read per user per few seconds (per API process); this
 * process's own changes drop the entry at once, another instance's are seen within SESSION_CHECK_TTL_MS.
 */
@Injectable()
export class UserSessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly prisma: PrismaService) {}

  async isCurrent(userId: string, tokenVersion: number): Promise<boolean> {
    const entry = await this.lookup(userId);
    return entry !== undefined && !entry.disabled && entry.authVersion === tokenVersion;
  }

  /** After a change to the user (status, role, scope, password). */
  forget(userId: string): void {
    this.entries.delete(userId);
  }

  private async lookup(userId: string): Promise<Entry | undefined> {
    const now = performance.now();
    const cached = this.entries.get(userId);
    if (cached && now - cached.fetchedAt < SESSION_CHECK_TTL_MS) return cached;
    const user = await this.prisma.client.user.findUnique({ where: { id: userId }, select: { authVersion: true, disabledAt: true } });
    if (!user) {
      this.entries.delete(userId);
      return undefined;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry = { authVersion: user.authVersion, disabled: user.disabledAt !== null, fetchedAt: now };
    this.entries.set(userId, entry);
    return entry;
  }
}
