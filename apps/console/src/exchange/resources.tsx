import type { ModuleScreens } from '../module-screens';
import exchange from '.';
import type { exchangeModule } from './module';

export const exchangeScreens: ModuleScreens<typeof exchangeModule> = {
  resources: { exchange },
};
