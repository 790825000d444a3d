import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 登记意见: staff enter 找茬窗口, 意见箱, 热线, 监督平台 and 电子邮箱 items (随时可评). Screens: resources.tsx. */
export const feedbackEntriesModule = { name: 'feedback-entries', resources: ['feedback-entries'], access, messages } as const satisfies ConsoleModule;
