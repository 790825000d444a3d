import {
  AutocompleteInput,
  Datagrid,
  DateField,
  DateTimeInput,
  FunctionField,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ROLE_CHOICES } from '../shared/choices';
import { ACTION_GROUP_CHOICES, actionKey, ENTITY_TYPE_CHOICES, toInstant } from './audit-filters';

interface AuditEntry {
  action: string;
  actorId: string;
  actorUsername: string | null;
  entityType: string;
  entityId: string | null;
}

export const ActionText = ({ record }: { record: AuditEntry }) => {
  const translate = useTranslate();
  return <>{translate(actionKey(record.action), { _: record.action })}</>;
};

export const ActorText = ({ record }: { record: AuditEntry }) => <>{record.actorUsername ?? record.actorId}</>;

const useFilters = () => {
  // Admins pick a person from the accounts; the county supervisor (who may not list accounts) types the id.
  const { canAccess: canListUsers } = useCanAccess({ resource: 'admin/users', action: 'list' });
  return [
    <SelectInput key="actionPrefix" source="actionPrefix" choices={ACTION_GROUP_CHOICES} alwaysOn />,
    <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPE_CHOICES} alwaysOn />,
    <DateTimeInput key="from" source="from" parse={toInstant} alwaysOn />,
    <DateTimeInput key="to" source="to" parse={toInstant} alwaysOn />,
    canListUsers ? (
      <ReferenceInput key="actorId" source="actorId" reference="admin/users">
        <AutocompleteInput optionText="username" label="resources.admin/audit-log.fields.actorId" filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
    ) : (
      <TextInput key="actorId" source="actorId" />
    ),
    <SelectInput key="actorRole" source="actorRole" choices={ROLE_CHOICES} />,
    <TextInput key="action" source="action" />,
    <TextInput key="entityId" source="entityId" />,
  ];
};

/** 审计日志: what people did, newest first; read-only. */
export const AuditLogList = () => (
  <List filters={useFilters()} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="at" showTime locales="zh-CN" options={{ ...SHANGHAI_DATE_TIME_FORMAT, timeStyle: 'medium' }} />
      <FunctionField source="actorId" sortable={false} render={(record: AuditEntry) => <ActorText record={record} />} />
      <SelectField source="actorRole" choices={ROLE_CHOICES} sortable={false} emptyText="—" />
      <FunctionField source="action" sortable={false} render={(record: AuditEntry) => <ActionText record={record} />} />
      <SelectField source="entityType" choices={ENTITY_TYPE_CHOICES} sortable={false} />
      <TextField source="entityId" sortable={false} emptyText="—" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
    </Datagrid>
  </List>
);
