import type { ModuleScreens } from '../../module-screens';
import departments from './departments';
import halls from './halls';
import serviceItems from './service-items';
import type { masterDataModule } from './module';
import staff from './staff';
import windows from './windows';

/** The master-data resources admins keep (halls, windows, staff, departments, service items). */
export const masterDataScreens: ModuleScreens<typeof masterDataModule> = {
  resources: {
    halls,
    windows,
    staff,
    departments,
    'service-items': serviceItems,
  },
};
