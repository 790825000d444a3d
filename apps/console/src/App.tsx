import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { AppTitle } from './layout/AppTitle';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import rectifications from './rectifications';

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    // Government data: no usage ping to marmelab's telemetry server.
    disableTelemetry
  >
    <Resource name="rectifications" {...rectifications} />
  </Admin>
);
