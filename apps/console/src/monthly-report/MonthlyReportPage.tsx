import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useGetList, usePermissions, useTranslate } from 'react-admin';
import type { ConsolePermissions } from '../auth/auth-provider';
import type { ConsoleDataProvider } from '../data-provider';
import { shanghaiToday } from '../results/results-query';
import { ReportDocument } from './ReportDocument';
import { previousMonth } from './report-format';
import './monthly-report-print.css';

/** The picker's value for the county's report (no hall code has a `*`). */
const COUNTY = '*';

/**
 * 月度通报: pick a month (default: the month just ended) and, for the county, the county or one hall; the report is
 * shown as it prints. 打印 prints the document alone on A4 (monthly-report-print.css); a town's roles pick among
 * their own halls only.
 */
export const MonthlyReportPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<ConsolePermissions>();
  const isCounty = permissions?.role === 'COUNTY_SUPERVISOR' || permissions?.role === 'ADMIN';
  const ownHalls = permissions?.hallCodes ?? [];
  const { data: halls } = useGetList<{ id: string; name: string }>('halls', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } }, { enabled: permissions !== undefined });
  const choices = (halls ?? []).filter((hall) => isCounty || ownHalls.includes(hall.id));

  const [month, setMonth] = useState(() => previousMonth(shanghaiToday()));
  const [picked, setPicked] = useState<string | null>(null);
  // The county starts on the county's report; a town's role on its (first) hall.
  const hallCode = picked ?? (isCounty ? COUNTY : (ownHalls[0] ?? COUNTY));
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const report = useQuery({
    queryKey: ['monthly-report', month, hallCode],
    queryFn: () => dataProvider.getMonthlyReport(month, hallCode === COUNTY ? null : hallCode),
    enabled: permissions !== undefined && validMonth && (isCounty || hallCode !== COUNTY),
  });

  return (
    <Box sx={{ mt: 2 }} className="monthly-report-page">
      <Title title="app.monthly_report.title" />
      <Paper className="monthly-report-controls" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <TextField
            type="month"
            size="small"
            label={translate('app.monthly_report.month')}
            value={month}
            onChange={(event) => setMonth(event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'monthly-report-month' } }}
          />
          <TextField
            select
            size="small"
            label={translate('app.monthly_report.hall')}
            value={hallCode}
            onChange={(event) => setPicked(event.target.value)}
            sx={{ minWidth: 200 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'monthly-report-hall' } as object } }}
          >
            {isCounty && <MenuItem value={COUNTY}>{translate('app.monthly_report.county')}</MenuItem>}
            {choices.map((hall) => (
              <MenuItem key={hall.id} value={hall.id}>
                {hall.name}
              </MenuItem>
            ))}
            {!isCounty && choices.length === 0 && hallCode !== COUNTY && <MenuItem value={hallCode}>{hallCode}</MenuItem>}
          </TextField>
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!report.data} data-testid="monthly-report-print">
            {translate('app.monthly_report.print')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {translate('app.monthly_report.print_help')}
          </Typography>
        </Stack>
      </Paper>
      {report.isFetching && <LinearProgress className="monthly-report-controls" />}
      {report.error && <Alert severity="error">{translate('app.monthly_report.failed', { message: report.error.message })}</Alert>}
      {report.data && <ReportDocument report={report.data} />}
    </Box>
  );
};
