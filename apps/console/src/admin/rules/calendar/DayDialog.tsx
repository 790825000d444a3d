import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
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
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { mutate: run, isPending: sending } = useMutation({
    mutationFn: (action: DayAction) =>
      dataProvider.setCalendarDay(cell.date, action === 'REMOVE' ? null : action === 'ADD_HOLIDAY' ? 'HOLIDAY' : 'MAKE_UP_WORKDAY'),
    onSuccess: (changed) => {
      notify('app.rules.calendar.changed', { type: 'success', messageArgs: { date: cell.date } });
      onChanged(changed);
      onClose();
    },
    onError: notifyRefusal,
  });

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
            <Button key={action} variant="contained" color={action === 'ADD_HOLIDAY' ? 'error' : 'primary'} disabled={sending} onClick={() => run(action)}>
              {translate(`app.rules.calendar.actions.${action}`, { kind: translate(`app.rules.calendar.kinds.${cell.isoWeekday >= 6 ? 'WEEKEND' : 'WORKDAY'}`) })}
            </Button>
          ))}
        </Stack>
      </DialogActions>
    </Dialog>
  );
};
