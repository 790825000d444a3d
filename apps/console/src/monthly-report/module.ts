import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 月度通报: the printable monthly report of the county or a hall; a page, no resource. Screens: resources.tsx. */
export const monthlyReportModule = { name: 'monthly-report', access, messages } as const satisfies ConsoleModule;
