import type { AuthProvider } from 'react-admin';
import { canAccess } from './can-access';
import { apiErrorOf, authSession, type AuthSession, type SessionUser } from './session';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** What usePermissions() returns: the role and the data scope. */
export interface ConsolePermissions {
  role: SessionUser['role'];
  hallCodes: string[];
  departmentCodes: string[];
}

interface Credentials {
  username?: string;
  password?: string;
}

export const createAuthProvider = (session: AuthSession = authSession): AuthProvider => {
  const user = async (): Promise<SessionUser | undefined> => session.user ?? (await session.refresh())?.user;
  return {
    async login({ username, password }: Credentials) {
      const pair = await session.login(username?.trim() ?? '', password ?? '');
      return pair.user.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
    },
    async logout() {
      await session.logout();
      return '/login';
    },
    async checkAuth() {
      // react-admin reads a plain object here: message false = no "please sign in" toast on the way to the login page.
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-admin's checkAuth contract is this object
      if (!(await session.token())) throw { message: false, redirectTo: '/login' };
    },
    checkError(error: unknown) {
      const { statusCode, code } = apiErrorOf(error);
      // The http client already tried a refresh: a 401 now means the sign-in is over.
      if (statusCode === 401) return Promise.reject(new Error('app.auth.session_ended'));
      if (statusCode === 403 && code === 'PASSWORD_CHANGE_REQUIRED') {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's checkError contract is this object
        return Promise.reject({ logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false });
      }
      // Any other 403 is about one case or one screen (another hall's case): the page says so, the user stays.
      return Promise.resolve();
    },
    async getIdentity() {
      const current = await user();
      if (!current) throw new Error('app.auth.session_ended');
      return { id: current.id, fullName: current.displayName, username: current.username, role: current.role, mustChangePassword: current.mustChangePassword };
    },
    async getPermissions(): Promise<ConsolePermissions | undefined> {
      const current = await user();
      return current ? { role: current.role, hallCodes: current.hallCodes, departmentCodes: current.departmentCodes } : undefined;
    },
    async canAccess({ action, resource }) {
      return canAccess((await user())?.role, action, resource);
    },
  };
};

export const authProvider = createAuthProvider();
