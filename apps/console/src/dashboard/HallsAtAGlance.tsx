import { Alert, Box, Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslate } from 'react-admin';
import { FigureLink } from '../supervision/FigureLink';
import { useHallStatistics } from '../supervision/use-statistics';
import { statisticsPeriod } from '../supervision/statistics-period';
import { useRectificationListLink } from '../supervision/use-rectification-list-link';
import { HALL_FIGURE_FILTERS } from '../supervision/supervision-links';
import { percent } from '../supervision/supervision-summary';

/**
 * 各服务大厅概况 for town leaders (their hall) and the county (every hall): open, overdue and escalated cases now,
 * and the last 30 days' 按时办结率 and 好评率. Halls with overdue cases come first; each count opens the case list.
 */
export const HallsAtAGlance = () => {
  const translate = useTranslate();
  const listLink = useRectificationListLink();
  const period = useMemo(() => statisticsPeriod('last30', Date.now()), []);
  const { data, error } = useHallStatistics(period);
  const halls = [...(data?.halls ?? [])].sort(
    (a, b) => b.overdueNow - a.overdueNow || b.escalatedLevel2 - a.escalatedLevel2 || b.openNow - a.openNow || a.hallCode.localeCompare(b.hallCode),
  );
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.statistics.at_a_glance')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.statistics.at_a_glance_help')}
        </Typography>
        {error && <Alert severity="error">{translate('app.statistics.failed', { message: error.message })}</Alert>}
        {data && halls.length === 0 && <Typography color="text.secondary">{translate('app.statistics.empty')}</Typography>}
        {halls.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="halls-at-a-glance">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.open_now')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.overdue_now')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.level_1')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.level_2')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.on_time_rate')}</TableCell>
                  <TableCell align="right">{translate('app.statistics.good_rate')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {halls.map((hall) => (
                  <TableRow key={hall.hallCode} hover>
                    <TableCell>
                      <Link component={RouterLink} to={listLink(HALL_FIGURE_FILTERS.open(hall.hallCode))}>
                        {hall.hallName}
                      </Link>
                    </TableCell>
                    <TableCell align="right">
                      <FigureLink value={hall.openNow} filter={HALL_FIGURE_FILTERS.open(hall.hallCode)} />
                    </TableCell>
                    <TableCell align="right">
                      <FigureLink value={hall.overdueNow} filter={HALL_FIGURE_FILTERS.overdue(hall.hallCode)} color="error.main" />
                    </TableCell>
                    <TableCell align="right">
                      <FigureLink value={hall.escalatedLevel1} filter={HALL_FIGURE_FILTERS.level1(hall.hallCode)} />
                    </TableCell>
                    <TableCell align="right">
                      <FigureLink value={hall.escalatedLevel2} filter={HALL_FIGURE_FILTERS.level2(hall.hallCode)} color="error.main" />
                    </TableCell>
                    <TableCell align="right">{percent(hall.onTimeRate)}</TableCell>
                    <TableCell align="right">{percent(hall.goodRate)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
