import { Chip } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NullableBooleanInput, SearchInput, SelectField, SelectInput, TextField, useTranslate } from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ROLE_CHOICES } from '../shared/choices';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />, <NullableBooleanInput key="disabled" source="disabled" />];

interface UserRecord {
  enabled: boolean;
  mustChangePassword: boolean;
  hallCodes: string[];
  departmentCodes: string[];
}

const StatusChip = ({ record }: { record: UserRecord }) => {
  const translate = useTranslate();
  if (!record.enabled) return <Chip size="small" label={translate('app.rules.disabled')} />;
  if (record.mustChangePassword) return <Chip size="small" variant="outlined" label={translate('app.rules.users.must_change')} />;
  return <Chip size="small" color="success" label={translate('app.rules.enabled')} />;
};

/** 用户: every console account with its role, scope and state. */
export const UserList = () => (
  <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={ROLE_CHOICES} />
      <FunctionField source="hallCodes" sortable={false} render={(record: UserRecord) => [...record.hallCodes, ...record.departmentCodes].join('、') || '—'} />
      <FunctionField source="enabled" sortable={false} render={(record: UserRecord) => <StatusChip record={record} />} />
      <DateField source="lastLoginAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
    </Datagrid>
  </List>
);
