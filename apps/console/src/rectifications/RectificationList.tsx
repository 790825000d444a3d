import { reviewLevelLabel } from '@haochaping/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Datagrid, DateField, ExportButton, FilterButton, FunctionField, List, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { Link } from 'react-router';
import { CaseBadgesField } from './CaseBadgesField';
import { rectificationFilters } from './rectification-filters';
import type { RectificationCase } from './rectification.types';
import { RectificationPresets } from './RectificationPresets';
import { DueCountdown } from '../shared/DueCountdown';
import { nearestDue } from '../shared/countdown';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { useRectificationExporter } from './useRectificationExporter';

/** The list's toolbar: filters, export, and for those who may, the call-log import (proof of callbacks). */
const RectificationListActions = () => {
  const { canAccess: canImportCallLog } = useCanAccess({ resource: 'call-log-import', action: 'list' });
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButton />
      {canImportCallLog ? (
        <Button component={Link} to="/call-logs/import" label="app.rectification.call_log.open">
          <UploadFileIcon />
        </Button>
      ) : null}
    </TopToolbar>
  );
};

export const RectificationList = () => {
  const exporter = useRectificationExporter();
  return (
    <List filters={rectificationFilters} actions={<RectificationListActions />} aside={<RectificationPresets />} sort={{ field: 'resultDueAt', order: 'ASC' }} perPage={25} exporter={exporter}>
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
