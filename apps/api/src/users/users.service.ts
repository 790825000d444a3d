import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, type Prisma, type User } from '@haochaping/db';
import { generateTemporaryPassword, hashPassword, meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE } from '../auth/password';
import type { RequestContext } from '../auth/request-context';
import { UserSessionCache } from '../auth/user-session-cache';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { isMobilePhone, maskPhone, normalizePhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { USER_ROLES, type CreateUserDto, type UpdateUserDto, type UserResponse, type UserRoleName, type UserWithPasswordResponse } from './dto/user.dto';
import { likeLiteral } from '../common/like-pattern';

export const USERS_RESOURCE = defineSimpleRestResource({
  name: 'users',
  sortFields: ['username', 'displayName', 'role', 'createdAt', 'lastLoginAt'],
  defaultSort: ['username', 'ASC'],
  filters: {
    id: { type: 'codes' },
    q: { type: 'text' },
    role: { type: 'enum', values: USER_ROLES },
    hallCode: { type: 'codes' },
    departmentCode: { type: 'codes' },
    disabled: { type: 'boolean' },
  },
});

const notFound = () => new DomainHttpException(404, 'USER_NOT_FOUND', '未找到该用户');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which scope each role carries: town roles their halls, guides their departments (and optionally halls), the
 * county roles neither (they see every hall). Returns the field errors.
 */
export function scopeErrors(role: UserRoleName, hallCodes: readonly string[], departmentCodes: readonly string[]): ApiFieldError[] {
  switch (role) {
    case 'HANDLER':
    case 'TOWN_LEADER':
      return [
        ...(hallCodes.length === 0 ? [{ field: 'hallCodes', message: '镇街经办人和分管领导至少要有一个服务大厅' }] : []),
        ...(departmentCodes.length > 0 ? [{ field: 'departmentCodes', message: '镇街角色不设部门' }] : []),
      ];
    case 'DEPT_GUIDE':
      return departmentCodes.length === 0 ? [{ field: 'departmentCodes', message: '县直部门业务指导至少要有一个部门' }] : [];
    case 'COUNTY_SUPERVISOR':
    case 'ADMIN':
      return [
        ...(hallCodes.length > 0 ? [{ field: 'hallCodes', message: '县级角色可查看全部服务大厅，不设服务大厅' }] : []),
        ...(departmentCodes.length > 0 ? [{ field: 'departmentCodes', message: '县级角色不设部门' }] : []),
      ];
  }
}

/** Admins' management of console accounts; every change is audited and ends the user's earlier tokens where it matters. */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: UserSessionCache,
    private readonly clock: Clock,
    private readonly protector: DataProtector,
  ) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<UserResponse>> {
    const { sort, offset, limit, filter } = parseListParams(USERS_RESOURCE, query);
    const where: Prisma.UserWhereInput = {
      ...(filter.id ? { id: { in: filter.id.filter((id) => UUID.test(id)) } } : {}),
      ...(filter.q ? { OR: [{ username: { contains: likeLiteral(filter.q), mode: 'insensitive' } }, { displayName: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] } : {}),
      ...(filter.role ? { role: { in: filter.role as UserRoleName[] } } : {}),
      ...(filter.hallCode ? { hallCodes: { hasSome: filter.hallCode } } : {}),
      ...(filter.departmentCode ? { departmentCodes: { hasSome: filter.departmentCode } } : {}),
      ...(filter.disabled === undefined ? {} : { disabledAt: filter.disabled ? { not: null } : null }),
    };
    const db = this.prisma.client;
    const [rows, total] = await db.$transaction([
      db.user.findMany({
        where,
        orderBy: [sort.field === 'lastLoginAt' ? { lastLoginAt: { sort: sort.order, nulls: 'last' } } : { [sort.field]: sort.order }, { id: 'asc' }],
        skip: offset,
        take: limit,
      }),
      db.user.count({ where }),
    ]);
    return { rows: rows.map((row) => this.toResponse(row)), offset, total };
  }

  async get(id: string): Promise<UserResponse> {
    return this.toResponse(await this.find(id));
  }

  async create(dto: CreateUserDto, actor: Actor, context: RequestContext): Promise<UserWithPasswordResponse> {
    const hallCodes = unique(dto.hallCodes ?? []);
    const departmentCodes = unique(dto.departmentCodes ?? []);
    const errors = [...scopeErrors(dto.role, hallCodes, departmentCodes), ...(await this.unknownCodes(hallCodes, departmentCodes))];
    if (dto.initialPassword !== undefined && !meetsPasswordPolicy(dto.initialPassword)) errors.push({ field: 'initialPassword', message: PASSWORD_POLICY_MESSAGE });
    errors.push(...phoneErrors(dto.phone));
    if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', errors[0]?.message ?? '提交的内容有误', errors);
    const temporaryPassword = dto.initialPassword === undefined ? generateTemporaryPassword() : undefined;
    const passwordHash = await hashPassword(dto.initialPassword ?? temporaryPassword ?? '');
    const db = this.prisma.client;
    const taken = () => new DomainHttpException(409, 'USERNAME_TAKEN', `用户名 ${dto.username} 已被使用`);
    const user = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { username: dto.username }, select: { id: true } })) throw taken();
      const created = await tx.user.create({
        data: { username: dto.username, displayName: dto.displayName, role: dto.role, hallCodes, departmentCodes, passwordHash, mustChangePassword: true, phoneEnc: this.phoneEnc(dto.phone) },
      });
      await this.audit(tx, actor, context, 'user.create', created.id, {
        username: created.username,
        role: created.role,
        hallCodes,
        departmentCodes,
        phone: maskedPhone(dto.phone),
        passwordGenerated: temporaryPassword !== undefined,
      });
      return created;
    }).catch((error: unknown) => {
      // The same username created twice at one moment: the second insert meets the unique index, not the check.
      throw isUniqueViolation(error) ? taken() : error;
    });
    return { ...this.toResponse(user), ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor, context: RequestContext): Promise<UserResponse> {
    const existing = await this.find(id);
    if (dto.role !== undefined && dto.role !== existing.role && actor.userId === existing.id) {
      throw new DomainHttpException(409, 'SELF_CHANGE_REFUSED', '不能修改自己的角色，请由另一位系统管理员操作');
    }
    const role = dto.role ?? existing.role;
    // A role change without new codes keeps only what the new role can carry, so HANDLER → COUNTY_SUPERVISOR just works.
    const county = role === 'COUNTY_SUPERVISOR' || role === 'ADMIN';
    const hallCodes = unique(dto.hallCodes ?? (county ? [] : existing.hallCodes));
    const departmentCodes = unique(dto.departmentCodes ?? (role === 'DEPT_GUIDE' ? existing.departmentCodes : []));
    const errors = [...scopeErrors(role, hallCodes, departmentCodes), ...(await this.unknownCodes(hallCodes, departmentCodes)), ...phoneErrors(dto.phone)];
    if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', errors[0]?.message ?? '提交的内容有误', errors);
    const beforePhone = existing.phoneEnc ? this.protector.decrypt(existing.phoneEnc) : null;
    const phoneChanged = dto.phone !== undefined && (dto.phone === null ? null : normalizePhone(dto.phone)) !== beforePhone;
    const accessChanged = role !== existing.role || !sameCodes(hallCodes, existing.hallCodes) || !sameCodes(departmentCodes, existing.departmentCodes);
    const user = await this.prisma.client.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id },
        data: {
          ...(dto.displayName === undefined ? {} : { displayName: dto.displayName }),
          role,
          hallCodes,
          departmentCodes,
          ...(phoneChanged ? { phoneEnc: this.phoneEnc(dto.phone) } : {}),
          // Tokens carry role and scope: after a change they must be renewed (the console refreshes on 401).
          ...(accessChanged ? { authVersion: { increment: 1 } } : {}),
        },
      });
      await this.audit(tx, actor, context, 'user.update', id, {
        username: existing.username,
        before: { displayName: existing.displayName, role: existing.role, hallCodes: existing.hallCodes, departmentCodes: existing.departmentCodes },
        after: { displayName: updated.displayName, role: updated.role, hallCodes: updated.hallCodes, departmentCodes: updated.departmentCodes },
        // The masked numbers only: the audit tells a change apart without keeping the phone.
        ...(phoneChanged ? { phone: { before: maskedPhone(beforePhone), after: maskedPhone(dto.phone) } } : {}),
      });
      return updated;
    });
    this.sessions.forget(id);
    return this.toResponse(user);
  }

  /** Disables at once: every refresh token is revoked and the user's access tokens stop within seconds. */
  async disable(id: string, actor: Actor, context: RequestContext): Promise<UserResponse> {
    const existing = await this.find(id);
    if (actor.userId === existing.id) throw new DomainHttpException(409, 'SELF_CHANGE_REFUSED', '不能停用自己的账号');
    if (existing.disabledAt) return this.toResponse(existing);
    const now = this.clock.now();
    const user = await this.prisma.client.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id }, data: { disabledAt: now, authVersion: { increment: 1 } } });
      const revoked = await tx.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
      await this.audit(tx, actor, context, 'user.disable', id, { username: existing.username, revokedSessions: revoked.count });
      return updated;
    });
    this.sessions.forget(id);
    return this.toResponse(user);
  }

  /** Enables a disabled account again. */
  async enable(id: string, actor: Actor, context: RequestContext): Promise<UserResponse> {
    const existing = await this.find(id);
    if (!existing.disabledAt) return this.toResponse(existing);
    const user = await this.prisma.client.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id }, data: { disabledAt: null } });
      await this.audit(tx, actor, context, 'user.enable', id, { username: existing.username, wasDisabled: existing.disabledAt !== null });
      return updated;
    });
    this.sessions.forget(id);
    return this.toResponse(user);
  }

  /** A new temporary password (returned here only), to be changed at the next sign-in; every session ends. */
  async resetPassword(id: string, actor: Actor, context: RequestContext): Promise<UserWithPasswordResponse> {
    const existing = await this.find(id);
    if (actor.userId === existing.id) throw new DomainHttpException(409, 'SELF_CHANGE_REFUSED', '请通过“修改密码”更改自己的密码');
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const now = this.clock.now();
    const user = await this.prisma.client.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id },
        data: { passwordHash, mustChangePassword: true, authVersion: { increment: 1 } },
      });
      const revoked = await tx.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
      await this.audit(tx, actor, context, 'user.reset-password', id, { username: existing.username, revokedSessions: revoked.count });
      return updated;
    });
    this.sessions.forget(id);
    return { ...this.toResponse(user), temporaryPassword };
  }

  private phoneEnc(phone: string | null | undefined): string | null {
    return phone ? this.protector.encrypt(normalizePhone(phone)) : null;
  }

  private toResponse(user: User): UserResponse {
    return toUserResponse(user, user.phoneEnc ? this.protector.decrypt(user.phoneEnc) : null);
  }

  private async find(id: string): Promise<User> {
    const user = await this.prisma.client.user.findUnique({ where: { id } });
    if (!user) throw notFound();
    return user;
  }

  private async unknownCodes(hallCodes: string[], departmentCodes: string[]): Promise<ApiFieldError[]> {
    const db = this.prisma.client;
    const [halls, departments] = await Promise.all([
      hallCodes.length > 0 ? db.hall.findMany({ where: { code: { in: hallCodes } }, select: { code: true } }) : [],
      departmentCodes.length > 0 ? db.department.findMany({ where: { code: { in: departmentCodes } }, select: { code: true } }) : [],
    ]);
    const missingHalls = hallCodes.filter((code) => !halls.some((hall) => hall.code === code));
    const missingDepartments = departmentCodes.filter((code) => !departments.some((department) => department.code === code));
    return [
      ...(missingHalls.length > 0 ? [{ field: 'hallCodes', message: `未知的服务大厅：${missingHalls.join('、')}` }] : []),
      ...(missingDepartments.length > 0 ? [{ field: 'departmentCodes', message: `未知的部门：${missingDepartments.join('、')}` }] : []),
    ];
  }

  private audit(tx: Prisma.TransactionClient, actor: Actor, context: RequestContext, action: string, userId: string, details: Prisma.InputJsonObject) {
    return appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action, entityType: 'user', entityId: userId, details, requestId: context.requestId, ip: context.ip });
  }
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** The Chinese rule for a staff phone (the console's user form checks the same before sending). */
export const STAFF_PHONE_MESSAGE = '请填写 11 位中国大陆手机号码';

function phoneErrors(phone: string | null | undefined): ApiFieldError[] {
  return typeof phone === 'string' && !isMobilePhone(phone) ? [{ field: 'phone', message: STAFF_PHONE_MESSAGE }] : [];
}

function maskedPhone(phone: string | null | undefined): string | null {
  return phone ? maskPhone(normalizePhone(phone)) : null;
}

export function toUserResponse(user: User, phone: string | null): UserResponse {
  const instant = (value: Date | null) => (value ? formatShanghaiInstant(value) : null);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    hallCodes: user.hallCodes,
    departmentCodes: user.departmentCodes,
    phone,
    mustChangePassword: user.mustChangePassword,
    enabled: user.disabledAt === null,
    disabledAt: instant(user.disabledAt),
    lastLoginAt: instant(user.lastLoginAt),
    createdAt: formatShanghaiInstant(user.createdAt),
    updatedAt: formatShanghaiInstant(user.updatedAt),
  };
}
