import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { OBLIGATION_LABELS, type ObligationKind } from '@haochaping/contracts';
import { isMobilePhone } from '@haochaping/privacy';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import type { StaffSmsRule } from '../data-provider';

/** The county duty phone: shown as stored, saved on its own button (a mainland mobile, or blank for none). */
const DutyPhoneForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: ['staff-sms-settings'], queryFn: () => dataProvider.getStaffSmsSettings() });
  const [typed, setTyped] = useState<string | null>(null);
  const phone = typed ?? data?.countyDutyPhone ?? '';
  const invalid = phone.trim() !== '' && !isMobilePhone(phone);
  const save = useMutation({
    mutationFn: () => dataProvider.updateStaffSmsSettings(phone.trim() || null),
    onSuccess: async () => {
      setTyped(null);
      await queryClient.invalidateQueries({ queryKey: ['staff-sms-settings'] });
      notify('app.rules.staff_sms.saved', { type: 'success' });
    },
    onError: (error) => notifyRefusal(error),
  });
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', mb: 2 }}>
      <TextField
        size="small"
        label={translate('resources.admin/staff-sms.fields.countyDutyPhone')}
        value={phone}
        onChange={(event) => setTyped(event.target.value)}
        error={invalid}
        helperText={translate(invalid ? 'app.rules.users.errors.phone' : 'app.rules.staff_sms.duty_phone_help')}
        sx={{ minWidth: 280 }}
      />
      <Button variant="contained" disabled={invalid || save.isPending} onClick={() => save.mutate()}>
        {translate('app.rules.staff_sms.save_phone')}
      </Button>
    </Stack>
  );
};

/**
 * 短信提醒: every staff notice kind × audience role with two switches (send an SMS; hold it outside office time),
 * each change saved at once; and the county duty phone. Admins only (the API checks the same).
 */
export const StaffSmsPage = () => {
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const { data: rules, error } = useQuery({ queryKey: ['staff-sms-rules'], queryFn: () => dataProvider.getStaffSmsRules() });
  const change = useMutation({
    mutationFn: (rule: StaffSmsRule) => dataProvider.updateStaffSmsRule(rule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff-sms-rules'] }),
    onError: (failure) => notifyRefusal(failure),
  });
  const obligationsText = (obligations: string[]) =>
    obligations.length === 0 ? translate('app.rules.staff_sms.all_obligations') : obligations.map((kind) => OBLIGATION_LABELS[kind as ObligationKind] ?? kind).join('、');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.admin/staff-sms.name" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.rules.staff_sms.intro')}
        </Typography>
        <DutyPhoneForm />
        {error && <Alert severity="error">{error.message}</Alert>}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="staff-sms-rules">
            <TableHead>
              <TableRow>
                {(['kindLabel', 'audienceRole', 'enabled', 'holdOutsideOfficeTime', 'obligations'] as const).map((field) => (
                  <TableCell key={field}>{translate(`resources.admin/staff-sms.fields.${field}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(rules ?? []).map((rule) => {
                const label = `${rule.kindLabel} · ${translate(`app.rules.roles.${rule.audienceRole}`)}`;
                return (
                  <TableRow key={`${rule.kind}:${rule.audienceRole}`} hover>
                    <TableCell>{rule.kindLabel}</TableCell>
                    <TableCell>{translate(`app.rules.roles.${rule.audienceRole}`)}</TableCell>
                    <TableCell>
                      <Switch
                        checked={rule.enabled}
                        disabled={change.isPending}
                        onChange={(event) => change.mutate({ ...rule, enabled: event.target.checked })}
                        slotProps={{ input: { 'aria-label': `${translate('resources.admin/staff-sms.fields.enabled')}：${label}` } }}
                      />
                    </TableCell>
                    <TableCell>
                      <Switch
                        checked={rule.holdOutsideOfficeTime}
                        disabled={change.isPending || !rule.enabled}
                        onChange={(event) => change.mutate({ ...rule, holdOutsideOfficeTime: event.target.checked })}
                        slotProps={{ input: { 'aria-label': `${translate('resources.admin/staff-sms.fields.holdOutsideOfficeTime')}：${label}` } }}
                      />
                    </TableCell>
                    <TableCell>{obligationsText(rule.obligations)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};
