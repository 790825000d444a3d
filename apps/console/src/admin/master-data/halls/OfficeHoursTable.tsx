import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { WEEKDAYS, type OfficeHours } from './office-hours-form';

/** The week's office hours on the show page: a line per weekday, 休息 where the hall is closed. */
export const OfficeHoursTable = (_props: { label?: string }) => {
  const record = useRecordContext<{ officeHours?: OfficeHours }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Table size="small" sx={{ maxWidth: 480 }}>
      <TableBody>
        {WEEKDAYS.map((weekday) => {
          const periods = record.officeHours?.[String(weekday)] ?? [];
          return (
            <TableRow key={weekday}>
              <TableCell component="th" scope="row" sx={{ width: '5rem' }}>
                {translate(`app.masterData.weekdays.${weekday}`)}
              </TableCell>
              <TableCell sx={{ color: periods.length === 0 ? 'text.secondary' : undefined }}>
                {periods.length === 0 ? translate('app.masterData.officeHours.closed') : periods.map((period) => `${period.start}–${period.end}`).join('　')}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
