import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider, CHANGE_PASSWORD_PATH } from './auth/auth-provider';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { dataProvider } from './data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { AppTitle } from './layout/AppTitle';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { SCREENS, type AnyModuleScreens } from './module-screens';
import { MODULES } from './modules';

// Each module's screens, in the order of src/modules.ts (the menu's order) and of its own `resources`.
const screens = MODULES.map((module) => {
  const moduleScreens: AnyModuleScreens = SCREENS[module.name];
  return { module, screens: moduleScreens };
});
const resources = screens.flatMap(({ module, screens: { resources: byName = {} } }) =>
  ('resources' in module ? module.resources : []).map((name: string) => ({ name, screens: byName[name] })),
);
const routes = screens.flatMap(({ screens: { routes } }) => Object.entries(routes ?? {}));
const dashboards = screens.flatMap(({ module, screens: { dashboard } }) => (dashboard ? [{ module: module.name, dashboard }] : []));
if (dashboards.length > 1) throw new Error(`console modules ${dashboards.map(({ module }) => module).join(', ')} each bring a dashboard`);

export const App = () => (
  <Admin
    title={<AppTitle />}
    authProvider={authProvider}
    loginPage={LoginPage}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={dashboards[0]?.dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    // Government data: no usage ping to marmelab's telemetry server.
    disableTelemetry
  >
    {resources.map(({ name, screens: props }) => (
      <Resource key={name} name={name} {...props} />
    ))}
    <CustomRoutes>
      {routes.map(([path, element]) => (
        <Route key={path} path={path} element={element} />
      ))}
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
