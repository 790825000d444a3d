import { Navigate } from 'react-router';
import { Layout as RaLayout, type LayoutProps } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../auth/auth-provider';
import { authSession } from '../auth/session';
import { ConsoleAppBar } from './ConsoleAppBar';
import { Menu } from './Menu';

export const Layout = (props: LayoutProps) => {
  // A pending first-login password change: nothing else works until it is done (the API answers 403 to the rest).
  if (authSession.user?.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <RaLayout {...props} appBar={ConsoleAppBar} menu={Menu} />;
};
