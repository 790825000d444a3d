import type { ModuleScreens } from '../module-screens';
import caseImport from '.';
import type { caseImportModule } from './module';

export const caseImportScreens: ModuleScreens<typeof caseImportModule> = {
  resources: { 'case-import': caseImport },
};
