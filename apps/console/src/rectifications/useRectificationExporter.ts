import { useCallback } from 'react';
import { downloadCSV, useTranslate, type Exporter } from 'react-admin';
import { rectificationExportRows, toCsv } from './rectification-export';
import type { RectificationCase } from './rectification.types';

/**
 * 导出 on the 差评工单 list: the filtered cases (the data provider pages past the API's 500 a request) with the invited
 * departments' names, fetched once for the whole export (GET /api/departments?filter={"id":[…]}).
 */
export function useRectificationExporter(): Exporter {
  const translate = useTranslate();
  return useCallback<Exporter>(
    async (records, fetchRelatedRecords) => {
      const cases = records as RectificationCase[];
      const invited = cases.some((record) => record.invitedDepartmentCodes.length > 0);
      const departments = invited ? await fetchRelatedRecords<{ id: string; name: string }>(cases, 'invitedDepartmentCodes', 'departments') : {};
      const names = new Map(Object.values(departments).map((department) => [String(department.id), department.name]));
      downloadCSV(toCsv(rectificationExportRows(cases, names, translate)), translate('resources.rectifications.name'));
    },
    [translate],
  );
}
