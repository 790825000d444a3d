import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import { WEEKDAYS } from './office-hours-form';

const TIME_INPUT_SX = { width: '6.5rem', my: 0 } as const;

/**
 * One time box, `HH:MM` typed (a text box, not the browser's time picker, which shows AM/PM in some browsers);
 * its accessible name says which (周一上午开始), the column headers say it to the eye.
 */
const TimeBox = ({ row, field, name }: { row: number; field: string; name: string }) => (
  <TextInput
    source={`weeklyHours.${row}.${field}`}
    label={false}
    helperText={false}
    size="small"
    placeholder="--:--"
    sx={TIME_INPUT_SX}
    slotProps={{ htmlInput: { 'aria-label': name, inputMode: 'numeric', maxLength: 5 } }}
  />
);

/**
 * Office hours as a week: a row per weekday with a morning and an afternoon period; empty boxes are a closed day or
 * half day. New hours count for deadlines computed from then on; due times already set stay.
 */
export const OfficeHoursInput = ({ extraPeriodDays = [] }: { extraPeriodDays?: readonly number[] }) => {
  const translate = useTranslate();
  const day = (weekday: number) => translate(`app.masterData.weekdays.${weekday}`);
  const morning = translate('app.masterData.officeHours.morning');
  const afternoon = translate('app.masterData.officeHours.afternoon');
  const start = translate('app.masterData.officeHours.start');
  const end = translate('app.masterData.officeHours.end');
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('resources.halls.fields.officeHours')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.masterData.officeHours.hint')}
      </Typography>
      {extraPeriodDays.length > 0 && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {translate('app.masterData.officeHours.extra_periods', { days: extraPeriodDays.map(day).join('、') })}
        </Alert>
      )}
      <Table size="small" sx={{ maxWidth: 720 }} aria-label={translate('resources.halls.fields.officeHours')}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell colSpan={2}>{`${morning}（${start} – ${end}）`}</TableCell>
            <TableCell colSpan={2}>{`${afternoon}（${start} – ${end}）`}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {WEEKDAYS.map((weekday, row) => (
            <TableRow key={weekday}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {day(weekday)}
              </TableCell>
              <TableCell sx={{ px: 0.5 }}>
                <TimeBox row={row} field="morningStart" name={`${day(weekday)}${morning}${start}`} />
              </TableCell>
              <TableCell sx={{ px: 0.5 }}>
                <TimeBox row={row} field="morningEnd" name={`${day(weekday)}${morning}${end}`} />
              </TableCell>
              <TableCell sx={{ px: 0.5 }}>
                <TimeBox row={row} field="afternoonStart" name={`${day(weekday)}${afternoon}${start}`} />
              </TableCell>
              <TableCell sx={{ px: 0.5 }}>
                <TimeBox row={row} field="afternoonEnd" name={`${day(weekday)}${afternoon}${end}`} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
