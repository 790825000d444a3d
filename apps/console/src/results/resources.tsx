import type { ModuleScreens } from '../module-screens';
import type { resultsModule } from './module';
import { ResultsPage } from './ResultsPage';

export const resultsScreens: ModuleScreens<typeof resultsModule> = {
  routes: { '/results': <ResultsPage /> },
};
