import { Alert, Box, Stack, Typography } from '@mui/material';
import { Create, NumberInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { UNIT_CHOICES } from '../shared/choices';
import { nestErrors } from '../../../shared/nest-errors';
import { useCreateVersion } from '../shared/use-create-version';
import { OTHER_CLOCKS, POLICY_CATEGORIES, slaPolicyBody, validateSlaPolicy, type SlaPolicyValues } from './sla-policy-form';

/** One clock: amount and unit side by side. */
const ClockInput = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Typography sx={{ width: 180 }}>{translate(label)}</Typography>
      <NumberInput source={`${source}.amount`} label="app.rules.sla_policies.amount" min={0} step={0.5} sx={{ width: 120 }} helperText={false} />
      <SelectInput source={`${source}.unit`} label="app.rules.sla_policies.unit" choices={UNIT_CHOICES} sx={{ width: 160 }} helperText={false} />
    </Stack>
  );
};

/** The next version of the clocks, filled with the version it was opened from. Cases already running keep theirs. */
export const SlaPolicyCreate = () => {
  const translate = useTranslate();
  const save = useCreateVersion<SlaPolicyValues>('admin/sla-policies', slaPolicyBody);
  return (
    <Create title="app.rules.sla_policies.create_title" redirect={false}>
      <SimpleForm onSubmit={(values: Record<string, unknown>) => save(values)} validate={(values) => nestErrors(validateSlaPolicy(values))}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('app.rules.sla_policies.kept_notice')}
        </Alert>
        {POLICY_CATEGORIES.map((category) => (
          <Box key={category} sx={{ mb: 1 }}>
            <Typography variant="subtitle1" component="h2">
              {translate(`app.rules.categories.${category}`)}
            </Typography>
            <ClockInput source={`categories.${category}.callback`} label="app.rules.sla_policies.callback" />
            <ClockInput source={`categories.${category}.result`} label="app.rules.sla_policies.result" />
          </Box>
        ))}
        <Typography variant="subtitle1" component="h2">
          {translate('app.rules.sla_policies.others')}
        </Typography>
        {OTHER_CLOCKS.map((name) => (
          <ClockInput key={name} source={name} label={`app.rules.sla_policies.${name}`} />
        ))}
        <NumberInput source="reminderRatio" label="app.rules.sla_policies.reminderRatio" min={0.5} max={0.95} step={0.05} sx={{ width: 200 }} />
        <TextInput source="note" label="resources.admin/sla-policies.fields.note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};
