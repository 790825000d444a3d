import { Datagrid, DateField, FunctionField, List, NullableBooleanInput, SelectArrayInput, TextField, useTranslate } from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import type { ImprovementItem } from './improvements.types';
import { ImprovementStatusChip } from './ImprovementStatusChip';

const STATUS_CHOICES = ['PENDING', 'IN_PROGRESS', 'DONE'].map((id) => ({ id, name: `app.improvements.statuses.${id}` }));

const OverdueInput = ({ source, alwaysOn }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <NullableBooleanInput source={source} alwaysOn={alwaysOn} label={translate('app.improvements.overdue_only')} />;
};

const filters = [<SelectArrayInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn sx={{ minWidth: 160 }} />, <OverdueInput key="overdue" source="overdue" alwaysOn />];

/** 优化清单: the items in the user's scope, newest first; overdue ones tinted. */
export const ImprovementList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(record) => ((record as ImprovementItem).overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {})}>
      <TextField source="title" sortable={false} />
      <TextField source="hallName" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
      <TextField source="reasonLabel" sortable={false} />
      <TextField source="ownerName" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
      <TextField source="dueDate" sx={{ whiteSpace: 'nowrap' }} />
      <FunctionField source="status" render={(record: ImprovementItem) => <ImprovementStatusChip item={record} />} />
      <TextField source="reviewCount" sortable={false} />
      <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
    </Datagrid>
  </List>
);
