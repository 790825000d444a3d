import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { refusalOf, rulesRequest } from '../shared/rules-api';
import type { CalendarYearRecord } from './calendar.types';
import { dayActions, type DayAction, type DayCell } from './month-grid';

interface DayDialogProps {
  cell: DayCell;
  onClose: () => void;
  onChanged: (year: CalendarYearRecord) => void;
}

/** What an admin may do with one day: a weekday off, a weekend day worked, or back as its weekday says. */
export const DayDialog = ({ cell, onClose, onChanged }: DayDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [sending, setSending] = useState(false);
  const year = cell.date.slice(0, 4);

  const run = async (action: DayAction) => {
    setSending(true);
    try {
      const changed =
        action === 'REMOVE'
          ? await rulesRequest<CalendarYearRecord>(`/calendar-years/${year}/days/${cell.date}`, { method: 'DELETE' })
          : await rulesRequest<CalendarYearRecord>(`/calendar-years/${year}/days`, {
              method: 'POST',
              body: { date: cell.date, kind: action === 'ADD_HOLIDAY' ? 'HOLIDAY' : 'MAKE_UP_WORKDAY' },
            });
      notify('app.rules.calendar.changed', { type: 'success', messageArgs: { date: cell.date } });
      onChanged(changed);
      onClose();
    } catch (error) {
      const { message } = refusalOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="xs" aria-labelledby="day-dialog-title">
      <DialogTitle id="day-dialog-title">{cell.date}</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>
          {translate('app.rules.calendar.now_is', { weekday: translate(`app.rules.calendar.weekdays.${cell.isoWeekday}`), kind: translate(`app.rules.calendar.kinds.${cell.kind}`) })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.rules.calendar.counts_at_once')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={sending}>
          {translate('ra.action.cancel')}
        </Button>
        <Stack direction="row" spacing={1}>
          {dayActions(cell.kind).map((action) => (
            <Button key={action} variant="contained" color={action === 'ADD_HOLIDAY' ? 'error' : 'primary'} disabled={sending} onClick={() => void run(action)}>
              {translate(`app.rules.calendar.actions.${action}`, { kind: translate(`app.rules.calendar.kinds.${cell.isoWeekday >= 6 ? 'WEEKEND' : 'WORKDAY'}`) })}
            </Button>
          ))}
        </Stack>
      </DialogActions>
    </Dialog>
  );
};
