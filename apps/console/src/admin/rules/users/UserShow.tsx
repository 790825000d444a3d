import { Stack } from '@mui/material';
import { BooleanField, DateField, EditButton, Labeled, ListButton, SelectField, Show, TextField, TopToolbar, FunctionField, useCanAccess } from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ROLE_CHOICES } from '../shared/choices';
import { UserActions } from './UserActions';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'admin/users', action: 'edit' });
  return (
    <TopToolbar>
      <ListButton />
      {canAccess && (
        <>
          <EditButton />
          <UserActions />
        </>
      )}
    </TopToolbar>
  );
};

/** One account: role, scope, state, and the admin's actions on it. */
export const UserShow = () => (
  <Show actions={<Actions />}>
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="username">
          <TextField source="username" />
        </Labeled>
        <Labeled source="displayName">
          <TextField source="displayName" />
        </Labeled>
        <Labeled source="role">
          <SelectField source="role" choices={ROLE_CHOICES} />
        </Labeled>
        <Labeled source="hallCodes">
          <FunctionField source="hallCodes" render={(record: { hallCodes: string[] }) => record.hallCodes.join('、') || '—'} />
        </Labeled>
        <Labeled source="departmentCodes">
          <FunctionField source="departmentCodes" render={(record: { departmentCodes: string[] }) => record.departmentCodes.join('、') || '—'} />
        </Labeled>
        <Labeled source="phone">
          <FunctionField source="phone" render={(record: { phone?: string | null }) => record.phone ?? '—'} />
        </Labeled>
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="enabled">
          <BooleanField source="enabled" />
        </Labeled>
        <Labeled source="mustChangePassword">
          <BooleanField source="mustChangePassword" />
        </Labeled>
        <Labeled source="lastLoginAt">
          <DateField source="lastLoginAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        </Labeled>
        <Labeled source="createdAt">
          <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        </Labeled>
      </Stack>
    </Stack>
  </Show>
);
