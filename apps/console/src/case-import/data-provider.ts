import type { ApiBase } from '../api-base';

export type ImportRowStatus = 'accepted' | 'updated' | 'unchanged' | 'rejected';

/** What POST /api/cases/import answers (CaseIntakeReportResponse). */
export interface ImportReport {
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  results: Array<{ index: number; line?: number; caseNumber: string | null; status: ImportRowStatus; id?: string; errors?: Array<{ field: string; message: string }> }>;
}

/** 办件导入's calls. */
export interface CaseImportMethods {
  /** Sends the file as it is (text/csv: the API decodes it and refuses what is not UTF-8); a dry run writes nothing. */
  importCases(file: Blob, options: { dryRun: boolean }): Promise<ImportReport>;
}

/** The template is open to anyone (no personal data): a plain link downloads it. */
export const CASE_IMPORT_TEMPLATE_PATH = '/cases/import-template.csv';

export const caseImportMethods = (api: ApiBase): CaseImportMethods => ({
  importCases: async (file, { dryRun }) => {
    const response = await api.httpClient(`${api.url}/cases/import${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' },
      body: file,
    });
    return response.json as ImportReport;
  },
});
