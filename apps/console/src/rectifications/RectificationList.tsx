import { reviewLevelLabel } from '@haochaping/contracts';
import { Datagrid, DateField, FunctionField, List, TextField } from 'react-admin';
import { CaseBadgesField } from './CaseBadgesField';
import { rectificationFilters } from './rectification-filters';
import type { RectificationCase } from './rectification.types';
import { RectificationPresets } from './RectificationPresets';
import { DueCountdown } from '../shared/DueCountdown';
import { nearestDue } from '../shared/countdown';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { useRectificationExporter } from './useRectificationExporter';

export const RectificationList = () => {
  const exporter = useRectificationExporter();
  return (
    <List filters={rectificationFilters} aside={<RectificationPresets />} sort={{ field: 'resultDueAt', order: 'ASC' }} perPage={25} exporter={exporter}>
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(record) => ((record as RectificationCase).overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {})}>
        <TextField source="hallName" label="resources.rectifications.fields.hallCode" sortable={false} />
        <FunctionField source="level" sortable={false} render={(record: RectificationCase) => reviewLevelLabel(record.level)} />
        <CaseBadgesField source="state" sortable={false} />
        <TextField source="categoryLabel" label="resources.rectifications.fields.category" sortable={false} emptyText="—" />
        <FunctionField source="nearestDue" sortable={false} render={(record: RectificationCase) => <DueCountdown dueAt={nearestDue(record)} />} />
        <DateField source="resultDueAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        <DateField source="openedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
      </Datagrid>
    </List>
  );
};
