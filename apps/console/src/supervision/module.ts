import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 超期督办 and the statistics behind it and the 工作台's hall overview; a page, no resource. Screens: resources.tsx. */
export const supervisionModule = { name: 'supervision', access, messages } as const satisfies ConsoleModule;
