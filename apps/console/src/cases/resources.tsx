import type { ModuleScreens } from '../module-screens';
import cases from '.';
import type { casesModule } from './module';

export const casesScreens: ModuleScreens<typeof casesModule> = {
  resources: { cases },
};
