import type { ModuleScreens } from '../module-screens';
import flags from '.';
import type { praiseIntegrityModule } from './module';

export const praiseIntegrityScreens: ModuleScreens<typeof praiseIntegrityModule> = {
  resources: { 'praise-integrity/flags': flags },
};
