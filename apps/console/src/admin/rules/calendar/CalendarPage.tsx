import UploadFileIcon from '@mui/icons-material/UploadFile';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Button, Chip, Grid, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useCanAccess, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import type { CalendarYearRecord } from './calendar.types';
import { DayDialog } from './DayDialog';
import { ImportNoticeDialog } from './ImportNoticeDialog';
import { beijingToday, monthCounts, type DayCell } from './month-grid';
import { DAY_STYLES, MonthView } from './MonthView';

const LEGEND = ['HOLIDAY', 'MAKE_UP_WORKDAY', 'WEEKEND'] as const;

/**
 * 工作日历: one year at a time, twelve months of days off and 调休 make-up days; a year without the State Council's
 * notice is flagged provisional. Admins change a day by clicking it, or import the year's notice.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const today = beijingToday();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year') ?? today.slice(0, 4));
  const { canAccess: canEdit } = useCanAccess({ resource: 'calendar-years', action: 'create' });
  const years = useGetList<CalendarYearRecord>('calendar-years', { pagination: { page: 1, perPage: 50 }, sort: { field: 'year', order: 'ASC' } });
  const current = useGetOne<CalendarYearRecord>('calendar-years', { id: year }, { retry: false });
  const [picked, setPicked] = useState<DayCell | undefined>();
  const [importing, setImporting] = useState(false);

  const changed = () => {
    void current.refetch();
    void years.refetch();
  };
  const yearChoices = [...new Set([...(years.data ?? []).map((row) => row.year), year])].sort((a, b) => a - b);
  const record = current.data;

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="resources.calendar-years.name" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 2 }}>
        <ToggleButtonGroup exclusive size="small" value={year} onChange={(_event, value: number | null) => value && setSearchParams({ year: String(value) })} aria-label={translate('app.rules.calendar.year')}>
          {yearChoices.map((choice) => {
            const provisional = years.data?.find((row) => row.year === choice)?.provisional;
            return (
              <ToggleButton key={choice} value={choice} data-testid={`year-${choice}`} sx={{ px: 2 }}>
                {choice}
                {provisional && <WarningAmberIcon fontSize="small" color="warning" sx={{ ml: 0.5 }} titleAccess={translate('app.rules.calendar.provisional')} />}
              </ToggleButton>
            );
          })}
        </ToggleButtonGroup>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {LEGEND.map((kind) => (
            <Chip key={kind} size="small" label={translate(`app.rules.calendar.kinds.${kind}`)} sx={DAY_STYLES[kind]} />
          ))}
          {canEdit && (
            <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
              {translate('app.rules.calendar.import_button')}
            </Button>
          )}
        </Stack>
      </Stack>

      {current.error ? (
        <Alert severity="error">{current.error.message}</Alert>
      ) : !record ? (
        <Loading />
      ) : (
        <>
          <Alert severity={record.provisional ? 'warning' : 'success'} data-testid="year-status" sx={{ mb: 2 }}>
            <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
              {translate(record.provisional ? 'app.rules.calendar.provisional_year' : 'app.rules.calendar.official_year', { year })}
            </Typography>
            {record.notice && <> · {record.notice}</>}
            {' · '}
            {translate('app.rules.calendar.totals', { holidays: record.holidays.length, makeUp: record.makeUpWorkdays.length })}
            {canEdit && <> · {translate('app.rules.calendar.click_to_change')}</>}
          </Alert>
          <Grid container spacing={2}>
            {monthCounts(year, record).map(({ month }) => (
              <Grid key={month} size={{ xs: 12, sm: 6, md: 4, xl: 3 }}>
                <MonthView year={year} month={month} days={record} today={today} {...(canEdit ? { onPick: setPicked } : {})} />
              </Grid>
            ))}
          </Grid>
        </>
      )}
      {picked && <DayDialog cell={picked} onClose={() => setPicked(undefined)} onChanged={changed} />}
      {importing && <ImportNoticeDialog year={year} onClose={() => setImporting(false)} onImported={changed} />}
    </Box>
  );
};
