import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CreateButton, DateField, Labeled, ListButton, NumberField, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { CurrentVersionChip } from '../shared/CurrentVersionChip';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ClockText } from './ClockText';
import { newPolicyFrom, OTHER_CLOCKS, POLICY_CATEGORIES } from './sla-policy-form';

type Clock = { amount: number; unit: string };
interface SlaPolicyVersion {
  id: number;
  current: boolean;
  policy: { categories: Record<string, { callback: Clock; result: Clock }>; reminderRatio: number } & Record<string, unknown>;
}

const NewVersionButton = () => {
  const record = useRecordContext<SlaPolicyVersion>();
  const { canAccess } = useCanAccess({ resource: 'admin/sla-policies', action: 'create' });
  if (!record || !canAccess) return null;
  return <CreateButton resource="admin/sla-policies" state={{ record: newPolicyFrom(record.policy) }} label="app.rules.sla_policies.new_version" variant="contained" icon={<EditIcon />} />;
};

const Clocks = () => {
  const record = useRecordContext<SlaPolicyVersion>();
  const translate = useTranslate();
  if (!record) return null;
  const { policy } = record;
  return (
    <Box sx={{ maxWidth: 720 }}>
      <Table size="small" sx={{ mb: 3 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.rules.sla_policies.category')}</TableCell>
            <TableCell>{translate('app.rules.sla_policies.callback')}</TableCell>
            <TableCell>{translate('app.rules.sla_policies.result')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {POLICY_CATEGORIES.map((category) => (
            <TableRow key={category}>
              <TableCell>{translate(`app.rules.categories.${category}`)}</TableCell>
              <TableCell>
                <ClockText clock={policy.categories[category]?.callback} />
              </TableCell>
              <TableCell>
                <ClockText clock={policy.categories[category]?.result} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small">
        <TableBody>
          {OTHER_CLOCKS.map((name) => (
            <TableRow key={name}>
              <TableCell sx={{ width: '50%' }}>{translate(`app.rules.sla_policies.${name}`)}</TableCell>
              <TableCell>
                <ClockText clock={policy[name] as Clock | undefined} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{translate('app.rules.sla_policies.reminderRatio')}</TableCell>
            <TableCell>{Math.round(policy.reminderRatio * 100)}%</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};

const KeptNotice = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('app.rules.sla_policies.kept_notice')}
    </Alert>
  );
};

/** One version's clocks; "编辑" starts the next version from them. */
export const SlaPolicyShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
        <NewVersionButton />
      </TopToolbar>
    }
  >
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <Labeled source="version">
          <TextField source="version" />
        </Labeled>
        <Labeled source="current">
          <CurrentVersionChip />
        </Labeled>
        <Labeled source="caseCount">
          <NumberField source="caseCount" />
        </Labeled>
        <Labeled source="openCaseCount">
          <NumberField source="openCaseCount" />
        </Labeled>
        <Labeled source="createdAt">
          <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        </Labeled>
        <Labeled source="note">
          <TextField source="note" emptyText="—" />
        </Labeled>
      </Stack>
      <KeptNotice />
      <Typography variant="subtitle1" component="h2" gutterBottom>
        <ClocksTitle />
      </Typography>
      <Clocks />
    </Box>
  </Show>
);

const ClocksTitle = () => {
  const translate = useTranslate();
  return <>{translate('resources.admin/sla-policies.fields.policy')}</>;
};
