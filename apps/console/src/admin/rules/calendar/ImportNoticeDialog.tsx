import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import type { CalendarYearRecord, NoticeImportResult } from './calendar.types';

interface ImportNoticeDialogProps {
  year: number;
  onClose: () => void;
  onImported: (year: CalendarYearRecord) => void;
}

const EXAMPLE = (year: number) => `${year}-01-01~${year}-01-03 休 元旦\n${year}-02-07 班 春节调休`;

/**
 * The year's State Council notice, pasted as lines: 检查 shows what would be stored (or every line that cannot be
 * taken, by number); 导入 replaces the year and marks it official. A refused import changes nothing.
 */
export const ImportNoticeDialog = ({ year, onClose, onImported }: ImportNoticeDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState(`国务院办公厅关于${year}年部分节假日安排的通知`);
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  const [checked, setChecked] = useState<NoticeImportResult | undefined>();
  const { mutate: importNotice, isPending: sending } = useMutation({
    mutationFn: (dryRun: boolean) => dataProvider.importCalendarNotice(year, { text, notice, dryRun }),
    onMutate: () => setLineErrors([]),
    onSuccess: (result, dryRun) => {
      if (dryRun) {
        setChecked(result);
        return;
      }
      notify('app.rules.calendar.imported', { type: 'success', messageArgs: { year } });
      onImported(result.calendar);
      onClose();
    },
    onError: (error) => {
      // The API names each line it could not take as a field error: all of them are listed in the dialog.
      const { message, fieldErrors } = notifyRefusal(error);
      setChecked(undefined);
      setLineErrors(fieldErrors ? Object.values(fieldErrors) : [message]);
    },
  });
  const send = (dryRun: boolean) => importNotice(dryRun);

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="notice-dialog-title">
      <DialogTitle id="notice-dialog-title">{translate('app.rules.calendar.import_title', { year })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.rules.calendar.import_help')}
        </Typography>
        <TextField label={translate('app.rules.calendar.notice_name')} value={notice} onChange={(event) => setNotice(event.target.value)} fullWidth margin="dense" />
        <TextField
          label={translate('app.rules.calendar.notice_text')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setChecked(undefined);
          }}
          placeholder={EXAMPLE(year)}
          multiline
          minRows={8}
          fullWidth
          margin="dense"
          slotProps={{ htmlInput: { 'data-testid': 'notice-text', style: { fontFamily: 'monospace' } } }}
        />
        {lineErrors.length > 0 && (
          <Alert severity="error" data-testid="notice-errors" sx={{ mt: 1 }}>
            <List dense disablePadding>
              {lineErrors.map((line) => (
                <ListItem key={line} disableGutters>
                  {line}
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        {checked && (
          <Alert severity={checked.warnings.length > 0 ? 'warning' : 'success'} data-testid="notice-checked" sx={{ mt: 1 }}>
            {translate('app.rules.calendar.checked', { holidays: checked.calendar.holidays.length, makeUp: checked.calendar.makeUpWorkdays.length })}
            {checked.warnings.map((warning) => (
              <div key={warning}>{warning}</div>
            ))}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={sending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="outlined" disabled={sending || text.trim() === ''} onClick={() => send(true)}>
          {translate('app.rules.calendar.check')}
        </Button>
        <Button variant="contained" disabled={sending || text.trim() === ''} onClick={() => send(false)}>
          {translate('app.rules.calendar.import')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
