import { Box, Stack, Typography } from '@mui/material';
import { DateField, FunctionField, Labeled, ListButton, SelectField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ROLE_CHOICES } from '../shared/choices';
import { ENTITY_TYPE_CHOICES } from './audit-filters';
import { ActionText, ActorText } from './AuditLogList';

const Details = () => {
  const record = useRecordContext<{ details: unknown }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {translate('resources.admin/audit-log.fields.details')}
      </Typography>
      <Box component="pre" data-testid="audit-details" sx={{ p: 2, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', fontSize: 13, m: 0, whiteSpace: 'pre-wrap' }}>
        {record.details === null ? '—' : JSON.stringify(record.details, null, 2)}
      </Box>
    </Box>
  );
};

/** One audit entry, with what was asked and what came of it. */
export const AuditLogShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
      </TopToolbar>
    }
  >
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="at">
          <DateField source="at" showTime locales="zh-CN" options={{ ...SHANGHAI_DATE_TIME_FORMAT, timeStyle: 'medium' }} />
        </Labeled>
        <Labeled source="actorId">
          <FunctionField render={(record: Parameters<typeof ActorText>[0]['record']) => <ActorText record={record} />} />
        </Labeled>
        <Labeled source="actorRole">
          <SelectField source="actorRole" choices={ROLE_CHOICES} emptyText="—" />
        </Labeled>
        <Labeled source="action">
          <FunctionField render={(record: Parameters<typeof ActionText>[0]['record']) => <ActionText record={record} />} />
        </Labeled>
        <Labeled source="entityType">
          <SelectField source="entityType" choices={ENTITY_TYPE_CHOICES} />
        </Labeled>
        <Labeled source="entityId">
          <TextField source="entityId" emptyText="—" />
        </Labeled>
        <Labeled source="ip">
          <TextField source="ip" emptyText="—" />
        </Labeled>
        <Labeled source="requestId">
          <TextField source="requestId" emptyText="—" />
        </Labeled>
      </Stack>
      <Details />
    </Stack>
  </Show>
);
