import { Alert, Box, Card, CardActionArea, CardContent, Grid, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { OPEN_STATES } from '@haochaping/contracts';
import type { RectificationCase } from '../rectifications/rectification.types';
import { CaseTable } from '../shared/CaseTable';
import { FigureLink } from './FigureLink';
import { PeriodPicker } from './PeriodPicker';
import { ReconciliationPanel } from './ReconciliationPanel';
import type { HallStatistics } from './statistics.types';
import { useHallStatistics, useSupervisionStatistics } from './use-statistics';
import { statisticsPeriod, type StatisticsPeriodKey } from './statistics-period';
import { useRectificationListLink } from './use-rectification-list-link';
import { HALL_FIGURE_FILTERS, LEVEL_FILTER } from './supervision-links';
import { hallsInTrouble, percent, rankHallsByOnTime } from './supervision-summary';
import { useMinimumToRank } from '../results/use-results';
import { Section } from '../shared/Section';

// A county has a few hundred open cases at most in trouble at once; beyond that the list's filters are the tool.
const PAGE = { page: 1, perPage: 500 };


/** 按时办结率排名: best first, halls with too few counted cases after, unranked. */
const OnTimeRanking = ({ halls, minimum }: { halls: readonly HallStatistics[]; minimum: number }) => {
  const translate = useTranslate();
  const listLink = useRectificationListLink();
  // Halls without a single counted case add nothing to a ranking: one line says how many there are.
  const ranking = rankHallsByOnTime(halls, minimum);
  const shown = ranking.filter((item) => item.counted > 0);
  const hidden = ranking.length - shown.length;
  return (
    <>
      <Table size="small" data-testid="on-time-ranking">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.statistics.rank')}</TableCell>
          <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
          <TableCell align="right">{translate('app.statistics.on_time_rate')}</TableCell>
          <TableCell align="right">{translate('app.statistics.on_time_of')}</TableCell>
          <TableCell align="right">{translate('app.statistics.good_rate')}</TableCell>
          <TableCell align="right">{translate('app.statistics.bad_reviews')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map(({ hall, rank, counted }) => (
          <TableRow key={hall.hallCode} hover>
            <TableCell>{rank ?? <Typography variant="body2" color="text.secondary">{translate('app.statistics.unranked')}</Typography>}</TableCell>
            <TableCell>
              <Link component={RouterLink} to={listLink(HALL_FIGURE_FILTERS.all(hall.hallCode))}>
                {hall.hallName}
              </Link>
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600, color: hall.onTimeRate !== null && hall.onTimeRate < 0.9 ? 'error.main' : undefined }}>
              {percent(hall.onTimeRate)}
            </TableCell>
            <TableCell align="right">
              {hall.onTimeCases} / {counted}
            </TableCell>
            <TableCell align="right">{percent(hall.goodRate)}</TableCell>
            <TableCell align="right">{hall.badReviews}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    {hidden > 0 && (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.statistics.ranking_hidden', { smart_count: hidden })}
      </Typography>
    )}
    </>
  );
};

/** Overdue and escalated open cases per hall; each figure opens the case list filtered to it. */
const TroubleByHall = ({ halls }: { halls: readonly HallStatistics[] }) => {
  const translate = useTranslate();
  const listLink = useRectificationListLink();
  return (
    <Table size="small" data-testid="supervision-by-hall">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
          <TableCell align="right">{translate('app.presets.overdue')}</TableCell>
          <TableCell align="right">{translate('app.escalation.level_1')}</TableCell>
          <TableCell align="right">{translate('app.escalation.level_2')}</TableCell>
          <TableCell align="right">{translate('app.supervision.total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {halls.map((hall) => (
          <TableRow key={hall.hallCode}>
            <TableCell>
              <Link component={RouterLink} to={listLink(HALL_FIGURE_FILTERS.open(hall.hallCode))}>
                {hall.hallName}
              </Link>
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
            <TableCell align="right">
              <FigureLink value={hall.inTroubleNow} filter={HALL_FIGURE_FILTERS.inTrouble(hall.hallCode)} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Two tiles: the open cases at the town leader's and at the county's level. */
const ByLevel = ({ levels }: { levels: ReadonlyArray<{ escalationLevel: number; cases: number; overdue: number }> }) => {
  const translate = useTranslate();
  const listLink = useRectificationListLink();
  const navigate = useNavigate();
  return (
    <Grid container spacing={1.5} data-testid="supervision-by-level">
      {levels.map((level) => (
        <Grid key={level.escalationLevel} size={{ xs: 6 }}>
          <Card variant="outlined">
            <CardActionArea onClick={() => void navigate(listLink(LEVEL_FILTER(level.escalationLevel)))}>
              <CardContent sx={{ py: 1.5 }}>
                <Typography variant="body2" color="text.secondary">
                  {translate(`app.escalation.level_${level.escalationLevel}`)}
                </Typography>
                <Typography variant="h5" component="p" sx={{ color: level.escalationLevel >= 2 && level.cases > 0 ? 'error.main' : undefined }}>
                  {translate('app.statistics.level_cases', { smart_count: level.cases })}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('app.statistics.level_overdue', { smart_count: level.overdue })}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
};

/** By the department owning the rated item; a department opens its reviews that have a case (each one click from it). */
const ByDepartment = ({ rows }: { rows: ReadonlyArray<{ departmentCode: string | null; departmentName: string | null; overdue: number; escalatedLevel1: number; escalatedLevel2: number; total: number }> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const reviewsPath = createPath({ resource: 'reviews', type: 'list' });
  return (
    <Table size="small" data-testid="supervision-by-department">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.reviews.fields.departmentCode')}</TableCell>
          <TableCell align="right">{translate('app.presets.overdue')}</TableCell>
          <TableCell align="right">{translate('app.escalation.level_1')}</TableCell>
          <TableCell align="right">{translate('app.escalation.level_2')}</TableCell>
          <TableCell align="right">{translate('app.supervision.total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.departmentCode ?? '—'}>
            <TableCell>
              {row.departmentCode ? (
                <Link component={RouterLink} to={`${reviewsPath}?filter=${encodeURIComponent(JSON.stringify({ departmentCode: [row.departmentCode], hasRectification: true, level: [1, 2] }))}`}>
                  {row.departmentName}
                </Link>
              ) : (
                translate('app.statistics.no_department')
              )}
            </TableCell>
            <TableCell align="right" sx={{ color: row.overdue ? 'error.main' : undefined }}>
              {row.overdue}
            </TableCell>
            <TableCell align="right">{row.escalatedLevel1}</TableCell>
            <TableCell align="right" sx={{ color: row.escalatedLevel2 ? 'error.main' : undefined }}>
              {row.escalatedLevel2}
            </TableCell>
            <TableCell align="right">{row.total}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * 超期督办 (county): the halls ranked by 按时办结率 over a period; open cases overdue or escalated now by hall, level
 * and department, every figure one click from the case list filtered to it; the cases themselves; and 数据核对, the
 * read model reconciler's runs.
 */
export const SupervisionPage = () => {
  const translate = useTranslate();
  const [periodKey, setPeriodKey] = useState<StatisticsPeriodKey>('last30');
  // The period is fixed when chosen (not recomputed each render), so its query is cached and refetched by key.
  const period = useMemo(() => statisticsPeriod(periodKey, Date.now()), [periodKey]);
  const halls = useHallStatistics(period);
  const supervision = useSupervisionStatistics();
  const minimumToRank = useMinimumToRank();
  const overdue = useGetList<RectificationCase>('rectifications', { filter: { overdue: true, state: OPEN_STATES }, sort: { field: 'escalationLevel', order: 'DESC' }, pagination: PAGE });
  const escalated = useGetList<RectificationCase>('rectifications', { filter: { escalationLevel: [1, 2], state: OPEN_STATES }, sort: { field: 'escalationLevel', order: 'DESC' }, pagination: PAGE });
  const cases = [...(overdue.data ?? []), ...(escalated.data ?? []).filter((item) => !overdue.data?.some((other) => other.id === item.id))];
  const trouble = hallsInTrouble(halls.data?.halls ?? []);
  const error = halls.error ?? minimumToRank.error ?? supervision.error ?? overdue.error ?? escalated.error;
  const casesPending = overdue.isPending || escalated.isPending;
  const empty = <Typography color="text.secondary">{translate('app.supervision.empty')}</Typography>;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.supervision.title" />
      {error && <Alert severity="error" sx={{ mb: 2 }}>{translate('app.statistics.failed', { message: error.message })}</Alert>}
      <Section
        title={translate('app.statistics.ranking')}
        help={minimumToRank.data === undefined ? undefined : translate('app.statistics.ranking_help', { min: minimumToRank.data })}
        action={<PeriodPicker value={periodKey} onChange={setPeriodKey} />}
      >
        {halls.data && minimumToRank.data !== undefined && <OnTimeRanking halls={halls.data.halls} minimum={minimumToRank.data} />}
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate('app.supervision.by_hall')}>{halls.data && (trouble.length > 0 ? <TroubleByHall halls={trouble} /> : empty)}</Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate('app.statistics.by_level')}>{supervision.data && <ByLevel levels={supervision.data.byLevel} />}</Section>
          <Section title={translate('app.statistics.by_department')} help={translate('app.statistics.by_department_help')}>
            {supervision.data && (supervision.data.byDepartment.length > 0 ? <ByDepartment rows={supervision.data.byDepartment} /> : empty)}
          </Section>
        </Grid>
      </Grid>
      <Section title={translate('app.supervision.cases')}>
        {!casesPending && cases.length === 0 && empty}
        {cases.length > 0 && <CaseTable rows={cases} testId="supervision-cases" />}
      </Section>
      <ReconciliationPanel />
    </Box>
  );
};
