import { Box, ButtonBase, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { monthGrid, type DayCell, type DayKind, type YearDays } from './month-grid';

/** Colours of a day by kind: days off red, worked weekend days blue, plain weekends grey. */
export const DAY_STYLES: Record<DayKind, { bgcolor: string; color: string }> = {
  WORKDAY: { bgcolor: 'transparent', color: 'text.primary' },
  WEEKEND: { bgcolor: 'action.hover', color: 'text.secondary' },
  HOLIDAY: { bgcolor: 'error.light', color: 'error.contrastText' },
  MAKE_UP_WORKDAY: { bgcolor: 'info.light', color: 'info.contrastText' },
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

interface MonthViewProps {
  year: number;
  month: number;
  days: YearDays;
  today: string;
  /** Called with a day when it is clicked; without it the days are not buttons (read-only). */
  onPick?: (cell: DayCell) => void;
}

/** One month, Monday first; each day a touch-sized button coloured by what it is. */
export const MonthView = ({ year, month, days, today, onPick }: MonthViewProps) => {
  const translate = useTranslate();
  const weeks = monthGrid(year, month, days, today);
  return (
    <Card variant="outlined" data-testid={`month-${month}`}>
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('app.rules.calendar.month', { month })}
        </Typography>
        <Box role="grid" sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5 }}>
          {WEEKDAYS.map((weekday) => (
            <Typography key={weekday} role="columnheader" variant="caption" color="text.secondary" align="center">
              {translate(`app.rules.calendar.weekdays.${weekday}`)}
            </Typography>
          ))}
          {weeks.flat().map((cell, index) =>
            cell ? (
              <ButtonBase
                key={cell.date}
                role="gridcell"
                data-testid={`day-${cell.date}`}
                data-kind={cell.kind}
                disabled={!onPick}
                onClick={() => onPick?.(cell)}
                aria-label={`${cell.date} ${translate(`app.rules.calendar.kinds.${cell.kind}`)}`}
                sx={{
                  minHeight: 36,
                  borderRadius: 1,
                  typography: 'body2',
                  ...DAY_STYLES[cell.kind],
                  outline: cell.isToday ? '2px solid' : 'none',
                  outlineColor: 'primary.main',
                  flexDirection: 'column',
                }}
              >
                {cell.day}
                {(cell.kind === 'HOLIDAY' || cell.kind === 'MAKE_UP_WORKDAY') && (
                  <Box component="span" sx={{ fontSize: 10, lineHeight: 1 }}>
                    {translate(`app.rules.calendar.short.${cell.kind}`)}
                  </Box>
                )}
              </ButtonBase>
            ) : (
              <Box key={`blank-${index}`} />
            ),
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
