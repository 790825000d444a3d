import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 统计分析: figures, trend, level distribution, reasons, rankings, exports; a page, no resource. Screens: resources.tsx. */
export const resultsModule = { name: 'results', access, messages } as const satisfies ConsoleModule;
