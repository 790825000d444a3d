import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 上报管理: the upward exchange to 济宁市 and 山东省 (queue, dead letters, daily count check). Screens: resources.tsx. */
export const exchangeModule = { name: 'exchange', resources: ['exchange'], access, messages } as const satisfies ConsoleModule;
