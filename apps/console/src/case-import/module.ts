import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 办件导入: CSV import of 办件 for halls without a business system (template, dry run, commit). Screens: resources.tsx. */
export const caseImportModule = { name: 'case-import', resources: ['case-import'], access, messages } as const satisfies ConsoleModule;
