import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { apiErrorOf } from '../auth/session';
import { API_URL, type ConsoleDataProvider } from '../data-provider';
import { refusalOf } from '../shared/api-refusal';
import { CASE_IMPORT_TEMPLATE_PATH, type ImportReport } from './data-provider';
import { badLines, canCommit, reportSummary } from './import-report';

interface FileRefusal {
  message: string;
  errors: Array<{ field: string; message: string }>;
}

/**
 * 办件导入: the template, a file chosen, a dry run that lists every bad line with its reason, then the commit of the
 * same file (the API writes the good lines; a case number already stored is updated or left unchanged).
 */
export const CaseImportPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<ImportReport | undefined>();
  const [refusal, setRefusal] = useState<FileRefusal | undefined>();
  const { mutate: send, isPending } = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) => dataProvider.importCases(chosen, { dryRun }),
    onMutate: () => setRefusal(undefined),
    onSuccess: (answer) => setReport(answer),
    onError: (error) => {
      setReport(undefined);
      setRefusal({ message: refusalOf(error).message, errors: apiErrorOf(error).errors ?? [] });
    },
  });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0]);
    setReport(undefined);
    setRefusal(undefined);
    event.target.value = '';
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }}>
      <Title title="app.case_import.title" />
      <Typography variant="h6" component="h1" gutterBottom>
        {translate('app.case_import.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.case_import.intro')}
      </Typography>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
            <Button variant="outlined" startIcon={<DownloadIcon />} href={`${API_URL}${CASE_IMPORT_TEMPLATE_PATH}`} download>
              {translate('app.case_import.template')}
            </Button>
            <Typography variant="body2" color="text.secondary">
              {translate('app.case_import.template_help')}
            </Typography>
          </Stack>
          <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
            <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
              {translate('app.case_import.choose')}
              <input hidden type="file" accept=".csv,text/csv" onChange={choose} data-testid="case-import-file" />
            </Button>
            {file && <Typography>{translate('app.case_import.chosen', { name: file.name })}</Typography>}
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button variant="contained" disabled={!file || isPending} onClick={() => file && send({ chosen: file, dryRun: true })}>
              {isPending ? translate('app.case_import.checking') : translate('app.case_import.dry_run')}
            </Button>
            <Button variant="contained" color="success" disabled={!file || isPending || !canCommit(report)} onClick={() => file && send({ chosen: file, dryRun: false })}>
              {translate('app.case_import.commit')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {refusal && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="import-refusal">
          <AlertTitle>{refusal.message}</AlertTitle>
          {refusal.errors.map((error) => (
            <div key={`${error.field}:${error.message}`}>{error.message}</div>
          ))}
        </Alert>
      )}
      {report && <ReportCard report={report} />}
    </Box>
  );
};

const ReportCard = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const bad = badLines(report);
  return (
    <Card data-testid="import-report">
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate(report.dryRun ? 'app.case_import.dry_run_title' : 'app.case_import.commit_title')}
        </Typography>
        <Alert severity={bad.length > 0 ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="import-summary">
          {reportSummary(report, report.dryRun)}
        </Alert>
        {bad.length === 0 ? (
          <Typography color="text.secondary">{translate('app.case_import.all_good')}</Typography>
        ) : (
          <>
            <Typography gutterBottom>{translate('app.case_import.bad_lines')}</Typography>
            <Table size="small" data-testid="bad-lines">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 90 }}>{translate('app.case_import.columns.line')}</TableCell>
                  <TableCell sx={{ width: 180 }}>{translate('app.case_import.columns.case_number')}</TableCell>
                  <TableCell>{translate('app.case_import.columns.reasons')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {bad.map((line) => (
                  <TableRow key={`${line.line ?? '?'}:${line.caseNumber ?? ''}`}>
                    <TableCell>{line.line === undefined ? '' : translate('app.case_import.line', { line: line.line })}</TableCell>
                    <TableCell>{line.caseNumber ?? '—'}</TableCell>
                    <TableCell>
                      {line.reasons.map((reason) => (
                        <div key={reason}>{reason}</div>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
};
