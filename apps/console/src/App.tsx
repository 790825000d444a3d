import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider, CHANGE_PASSWORD_PATH } from './auth/auth-provider';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { masterDataResources } from './admin/master-data/resources';
import { rulesResources } from './admin/rules/resources';
import cases from './cases';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { AppTitle } from './layout/AppTitle';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import rectifications from './rectifications';
import reviews from './reviews';
import { SupervisionPage } from './supervision/SupervisionPage';

export const App = () => (
  <Admin
    title={<AppTitle />}
    authProvider={authProvider}
    loginPage={LoginPage}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    // Government data: no usage ping to marmelab's telemetry server.
    disableTelemetry
  >
    <Resource name="rectifications" {...rectifications} />
    <Resource name="reviews" {...reviews} />
    <Resource name="cases" {...cases} />
    {masterDataResources}
    {rulesResources}
    <CustomRoutes>
      <Route path="/supervision" element={<SupervisionPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
