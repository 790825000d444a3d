import { createPrismaClient, type PrismaClient, type UserRole } from '@haochaping/db';
import { hashPassword } from '../../src/auth/password';

/** What a test account is; everyone's password is TEST_PASSWORD unless said otherwise. */
export interface TestAccount {
  username: string;
  role: UserRole;
  hallCodes?: string[];
  departmentCodes?: string[];
  password?: string;
  mustChangePassword?: boolean;
}

export const TEST_PASSWORD = 'Test-password-2026';

/** Writes accounts straight into the database (test databases hold reference data only, no account). Returns their ids. */
export async function createAccounts(databaseUrl: string, accounts: readonly TestAccount[]): Promise<Record<string, string>> {
  const prisma: PrismaClient = createPrismaClient({ databaseUrl });
  try {
    const ids: Record<string, string> = {};
    const hashes = new Map<string, string>();
    for (const account of accounts) {
      const password = account.password ?? TEST_PASSWORD;
      const passwordHash = hashes.get(password) ?? (await hashPassword(password));
      hashes.set(password, passwordHash);
      const user = await prisma.user.create({
        data: {
          username: account.username,
          displayName: `测试 ${account.username}`,
          role: account.role,
          hallCodes: account.hallCodes ?? [],
          departmentCodes: account.departmentCodes ?? [],
          passwordHash,
          mustChangePassword: account.mustChangePassword ?? false,
        },
      });
      ids[account.username] = user.id;
    }
    return ids;
  } finally {
    await prisma.$disconnect();
  }
}

/** A sign-in's answer: status, body and the refresh cookie (its value and the whole Set-Cookie line). */
export interface LoginResult {
  status: number;
  body: Record<string, unknown> & { accessToken?: string; code?: string; message?: string };
  refreshToken?: string;
  setCookie: string | null;
}

export function refreshCookieOf(response: Response): { refreshToken?: string; setCookie: string | null } {
  const setCookie = response.headers.get('set-cookie');
  const value = /^hcp_refresh=([^;]*)/.exec(setCookie ?? '')?.[1];
  return { setCookie, ...(value ? { refreshToken: value } : {}) };
}

export async function login(baseUrl: string, username: string, password = TEST_PASSWORD, headers: Record<string, string> = {}): Promise<LoginResult> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as LoginResult['body'], ...refreshCookieOf(response) };
}

/** Signs in and returns the access token, failing the test when sign-in does not answer 200. */
export async function accessTokenOf(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const result = await login(baseUrl, username, password);
  if (result.status !== 200 || !result.body.accessToken) throw new Error(`sign-in of ${username} answered ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.accessToken;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
