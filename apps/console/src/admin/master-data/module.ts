import type { ConsoleModule } from '../../console-module';
import { access } from './access';
import { messages } from './messages';

/** 基础数据: halls, windows, staff, departments and service items, kept by the admins. Screens: resources.tsx. */
export const masterDataModule = {
  name: 'admin/master-data',
  resources: ['halls', 'windows', 'staff', 'departments', 'service-items'],
  access,
  messages,
} as const satisfies ConsoleModule;
