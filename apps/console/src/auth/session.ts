/** Roles of DOMAIN.md that sign in to the console. */
export type StaffRole = 'HANDLER' | 'TOWN_LEADER' | 'DEPT_GUIDE' | 'COUNTY_SUPERVISOR' | 'ADMIN';

/** Every role of the console, for the screens all of them open. */
export const STAFF_ROLES: readonly StaffRole[] = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'];

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  hallCodes: string[];
  departmentCodes: string[];
  mustChangePassword: boolean;
}

/** What login, refresh and change-password answer. */
export interface TokenPair {
  accessToken: string;
  /** seconds */
  expiresIn: number;
  user: SessionUser;
}

/** The API's one error shape. */
export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: Array<{ field: string; message: string }>;
}

export const AUTH_URL = '/api/auth';

// Renew a little before the access token runs out, so a request rarely meets TOKEN_EXPIRED at all.
const EXPIRY_MARGIN_MS = 30_000;

/** A refusal of the auth endpoints: the API's Chinese message, status and body (the shape of react-admin's HttpError). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Reads the API's error shape off a failed request: react-admin's HttpError and ApiRequestError both carry the
 * parsed JSON in `body` (read by shape, so this file stays free of react-admin and runs in the Node specs).
 */
export function apiErrorOf(error: unknown): ApiErrorBody {
  if (typeof error !== 'object' || error === null || !('body' in error)) return {};
  const { body } = error;
  return typeof body === 'object' && body !== null ? body : {};
}

async function postAuth(path: string, init: { body?: unknown; token?: string } = {}): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  return fetch(`${AUTH_URL}/${path}`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

/** Turns a non-2xx answer into an error carrying the API's Chinese message. */
async function failure(response: Response): Promise<ApiRequestError> {
  let body: ApiErrorBody = {};
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    // not JSON: a proxy's error page
  }
  return new ApiRequestError(body.message ?? `服务暂时不可用（${response.status}）`, response.status, body);
}

/**
 * The signed-in session, in memory only: the access token never touches storage a script could read later; the
 * refresh token lives in the httpOnly cookie, so a reload signs back in through `refresh()`.
 */
export class AuthSession {
  private accessToken: string | undefined;
  private expiresAt = 0;
  private currentUser: SessionUser | undefined;
  private refreshing: Promise<TokenPair | undefined> | undefined;

  get user(): SessionUser | undefined {
    return this.currentUser;
  }

  /** A token still valid for a while, or undefined. */
  validToken(now = Date.now()): string | undefined {
    return this.accessToken && now < this.expiresAt - EXPIRY_MARGIN_MS ? this.accessToken : undefined;
  }

  store(pair: TokenPair, now = Date.now()): TokenPair {
    this.accessToken = pair.accessToken;
    this.expiresAt = now + pair.expiresIn * 1000;
    this.currentUser = pair.user;
    return pair;
  }

  clear(): void {
    this.accessToken = undefined;
    this.expiresAt = 0;
    this.currentUser = undefined;
  }

  async login(username: string, password: string): Promise<TokenPair> {
    const response = await postAuth('login', { body: { username, password } });
    if (!response.ok) throw await failure(response);
    return this.store((await response.json()) as TokenPair);
  }

  /**
   * One refresh at a time: the cookie rotates on every use, and two refreshes sent with the same cookie look like
   * a stolen token being replayed (the API then ends the whole sign-in). Concurrent callers share the one in
   * flight; across tabs the Web Locks API serialises them, so the second tab sends the already rotated cookie.
   */
  refresh(): Promise<TokenPair | undefined> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<TokenPair | undefined> {
    const run = async () => {
      const response = await postAuth('refresh');
      if (!response.ok) {
        this.clear();
        return undefined;
      }
      return this.store((await response.json()) as TokenPair);
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request('haochaping-auth-refresh', run) : run();
  }

  /** A usable access token: the one held, or a refreshed one; undefined when signed out. */
  async token(): Promise<string | undefined> {
    return this.validToken() ?? (await this.refresh())?.accessToken;
  }

  async logout(): Promise<void> {
    const token = this.accessToken;
    this.clear();
    await postAuth('logout', token ? { token } : {}).catch(() => undefined);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<TokenPair> {
    const token = await this.token();
    const response = await postAuth('change-password', { body: { currentPassword, newPassword }, ...(token ? { token } : {}) });
    if (!response.ok) throw await failure(response);
    return this.store((await response.json()) as TokenPair);
  }
}

export const authSession = new AuthSession();
