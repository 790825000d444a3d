import { useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { Title, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import type { ConsolePermissions } from '../auth/auth-provider';
import type { ConsoleDataProvider } from '../data-provider';
import type { CallLogImportReport } from './rectification.types';

/**
 * 导入通话记录: a hall's staff upload their phone system's call log, first as a dry run (the bad lines with their
 * reasons, nothing written), then for real; each phone callback of a case is then shown as 通话记录已核验 or 未核验.
 */
export const CallLogImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<ConsolePermissions>();
  const [hallCode, setHallCode] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const hall = hallCode ?? permissions?.hallCodes[0] ?? '';

  const upload = useMutation<CallLogImportReport, Error, boolean>({
    mutationFn: (dryRun) => dataProvider.importCallLog(hall, file?.text ?? '', dryRun),
    onSuccess: (report) => notify(report.dryRun ? 'app.rectification.call_log.dry_run_done' : 'app.rectification.call_log.committed', { type: 'success' }),
    onError: (error) => notify(error.message, { type: 'error' }),
  });

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
    upload.reset();
  };
  const report = upload.data;
  const ready = hall !== '' && file !== null && !upload.isPending;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.rectification.call_log.title" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <Typography variant="h6" component="h1">
            {translate('app.rectification.call_log.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.rectification.call_log.hint')}
          </Typography>
          <TextField label={translate('app.rectification.call_log.hall')} value={hall} onChange={(event) => setHallCode(event.target.value.trim())} size="small" />
          <Box>
            <Button variant="outlined" component="label">
              {translate('app.rectification.call_log.file')}
              <input hidden type="file" accept=".csv,text/csv" data-testid="call-log-file" onChange={(event) => void chooseFile(event)} />
            </Button>
            {file ? (
              <Typography component="span" variant="body2" sx={{ ml: 2 }}>
                {file.name}
              </Typography>
            ) : null}
          </Box>
          <Stack direction="row" spacing={2}>
            <Button variant="outlined" disabled={!ready} onClick={() => upload.mutate(true)}>
              {translate('app.rectification.call_log.dry_run')}
            </Button>
            <Button variant="contained" disabled={!ready || report?.dryRun !== true} onClick={() => upload.mutate(false)}>
              {translate('app.rectification.call_log.commit')}
            </Button>
          </Stack>
          {report ? <CallLogReport report={report} /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

const CallLogReport = ({ report }: { report: CallLogImportReport }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="call-log-report">
      <Alert severity={report.badLines.length > 0 ? 'warning' : 'success'}>
        {translate(report.dryRun ? 'app.rectification.call_log.dry_run_done' : 'app.rectification.call_log.committed')}：
        {translate('app.rectification.call_log.summary', report)}
      </Alert>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('app.rectification.call_log.bad_lines')}
      </Typography>
      {report.badLines.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.rectification.call_log.no_bad_lines')}
        </Typography>
      ) : (
        <List dense>
          {report.badLines.map((bad) => (
            <ListItem key={bad.line} disableGutters>
              <ListItemText primary={translate('app.rectification.call_log.line', { line: bad.line })} secondary={bad.reason} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
