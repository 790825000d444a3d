import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FIGURE_KEYS, FIGURES, LOWER_IS_BETTER_FIGURES, RESULT_DIMENSIONS, type FigureKey, type ResultDimension } from '@haochaping/contracts';
import { saveBlob } from '../admin/master-data/windows/window-files';
import type { ConsoleDataProvider } from '../data-provider';
import { chartPercent, PERCENT_AXIS, ResultsChart } from './ResultsChart';
import { formatFigure, formatRate, LEVELS, paretoOfReasons } from './results-format';
import { monthStartOf, RANKING_DIMENSIONS, RESULT_PERIOD_KINDS, shanghaiToday, type RankingDimension, type ResultPeriodKind, type ResultsQuery } from './results-query';
import type { LevelCounts, RankingsReport, ResultsReport, TrendReport } from './results.types';
import { useMinimumToRank, useRankings, useReasons, useResults, useResultsTrend } from './use-results';
import { NumberSetting } from '../shared/NumberSetting';
import { Section } from '../shared/Section';


/**
 * Headers on one line; a wide table scrolls sideways inside its card. Width 0 with a min-width of 100 % keeps the
 * table's width out of the page's own (else the layout grows to the table and the whole page scrolls).
 */
const Scroll = ({ children }: { children: ReactNode }) => <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%', '& th': { whiteSpace: 'nowrap' } }}>{children}</Box>;

const Loading = ({ error, children }: { error: Error | null; children: ReactNode }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="error">{translate('app.results.failed', { message: error.message })}</Alert>;
  return <>{children}</>;
};

/** 统计指标: a row per value of the dimension and 合计, every figure with its note as the header's tooltip. */
const FiguresTable = ({ report }: { report: ResultsReport }) => {
  const translate = useTranslate();
  const rows = [...report.rows.map((row) => ({ id: row.key ?? '—', name: row.name, code: row.code, figures: row.figures })), { id: 'total', name: translate('app.results.total'), code: null, figures: report.total }];
  return (
    <Scroll>
      <Table size="small" data-testid="results-figures-table">
        <TableHead>
          <TableRow>
            <TableCell>{report.dimensionLabel}</TableCell>
            <TableCell>{translate('app.results.code')}</TableCell>
            {FIGURE_KEYS.map((key) => (
              <TableCell key={key} align="right">
                <Tooltip title={FIGURES[key].note}>
                  <span style={{ textDecoration: 'underline dotted' }}>{FIGURES[key].label}</span>
                </Tooltip>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} sx={row.id === 'total' ? { '& td': { fontWeight: 'bold' } } : undefined}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.name}</TableCell>
              <TableCell>{row.code ?? ''}</TableCell>
              {FIGURE_KEYS.map((key) => (
                <TableCell key={key} align="right">
                  {formatFigure(key, row.figures[key])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Scroll>
  );
};

const TREND_RATES = ['goodRate', 'badRate', 'onTimeRate'] as const satisfies readonly FigureKey[];

/** 趋势: reviews as bars, 好评率 / 差评率 / 按时办结率 as lines; the same numbers in the table below. */
const Trend = ({ trend }: { trend: TrendReport }) => {
  const translate = useTranslate();
  const labels = trend.buckets.map((bucket) => (trend.bucket === 'month' ? bucket.label : bucket.key.slice(5)));
  return (
    <>
      <ResultsChart
        testId="results-trend-chart"
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 48, right: 56, top: 40, bottom: 32 },
          xAxis: { type: 'category', data: labels },
          yAxis: [{ type: 'value', name: translate('app.results.reviews'), minInterval: 1 }, { ...PERCENT_AXIS, position: 'right' }],
          series: [
            { name: FIGURES.reviews.label, type: 'bar', data: trend.buckets.map((bucket) => bucket.figures.reviews ?? 0), itemStyle: { color: '#90caf9' } },
            ...TREND_RATES.map((key) => ({ name: FIGURES[key].label, type: 'line' as const, yAxisIndex: 1, connectNulls: false, data: trend.buckets.map((bucket) => chartPercent(bucket.figures[key])) })),
          ],
        }}
      />
      <Scroll>
        <Table size="small" data-testid="results-trend-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.results.bucket')}</TableCell>
              <TableCell align="right">{FIGURES.reviews.label}</TableCell>
              {LEVELS.map((level) => (
                <TableCell key={level.key} align="right">
                  {level.label}
                </TableCell>
              ))}
              {TREND_RATES.map((key) => (
                <TableCell key={key} align="right">
                  {FIGURES[key].label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {trend.buckets
              .filter((bucket) => (bucket.figures.reviews ?? 0) > 0 || bucket.figures.onTimeRate !== null)
              .map((bucket) => (
                <TableRow key={bucket.key}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{bucket.label}</TableCell>
                  <TableCell align="right">{bucket.figures.reviews}</TableCell>
                  {LEVELS.map((level) => (
                    <TableCell key={level.key} align="right">
                      {bucket.levels[level.key]}
                    </TableCell>
                  ))}
                  {TREND_RATES.map((key) => (
                    <TableCell key={key} align="right">
                      {formatRate(bucket.figures[key])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </Scroll>
    </>
  );
};

const LEVEL_COLORS = ['#2e7d32', '#66bb6a', '#aed581', '#ffa726', '#e53935'];

/** 评价等级分布 of the whole: a pie beside its table. */
const LevelDistribution = ({ levels }: { levels: LevelCounts }) => {
  const translate = useTranslate();
  const total = LEVELS.reduce((sum, level) => sum + levels[level.key], 0);
  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <ResultsChart
          testId="results-levels-chart"
          height={260}
          option={{
            tooltip: { trigger: 'item' },
            legend: { bottom: 0 },
            color: LEVEL_COLORS,
            series: [
              {
                type: 'pie',
                radius: ['30%', '70%'],
                center: ['50%', '45%'],
                label: { position: 'inside', formatter: (item: { value?: unknown }) => (Number(item.value) > 0 ? String(item.value) : '') },
                data: LEVELS.map((level) => ({ name: level.label, value: levels[level.key] })),
              },
            ],
          }}
        />
      </Grid>
      <Grid size={12}>
        <Table size="small" data-testid="results-levels-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.results.level')}</TableCell>
              <TableCell align="right">{translate('app.results.count')}</TableCell>
              <TableCell align="right">{translate('app.results.share')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {LEVELS.map((level) => (
              <TableRow key={level.key}>
                <TableCell>{level.label}</TableCell>
                <TableCell align="right">{levels[level.key]}</TableCell>
                <TableCell align="right">{formatRate(total === 0 ? null : levels[level.key] / total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Grid>
    </Grid>
  );
};

/** 差评原因 Pareto: bad reviews per reason as bars, the cumulative share as a line; the table below. */
const ReasonPareto = ({ reasons }: { reasons: ResultsReport }) => {
  const translate = useTranslate();
  const pareto = paretoOfReasons(reasons.rows);
  if (pareto.length === 0) return <Typography color="text.secondary">{translate('app.results.empty')}</Typography>;
  return (
    <>
      <ResultsChart
        testId="results-pareto-chart"
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 48, right: 56, top: 40, bottom: 56 },
          xAxis: { type: 'category', data: pareto.map((entry) => entry.name), axisLabel: { interval: 0, rotate: pareto.length > 5 ? 30 : 0 } },
          yAxis: [{ type: 'value', name: translate('app.results.bad_reviews'), minInterval: 1 }, { ...PERCENT_AXIS, position: 'right' }],
          series: [
            { name: translate('app.results.bad_reviews'), type: 'bar', data: pareto.map((entry) => entry.bad), itemStyle: { color: '#ef9a9a' } },
            { name: translate('app.results.cumulative'), type: 'line', yAxisIndex: 1, data: pareto.map((entry) => chartPercent(entry.cumulative)) },
          ],
        }}
      />
      <Table size="small" data-testid="results-pareto-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.results.reason')}</TableCell>
            <TableCell>{translate('app.results.code')}</TableCell>
            <TableCell align="right">{translate('app.results.bad_reviews')}</TableCell>
            <TableCell align="right">{translate('app.results.cumulative')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pareto.map((entry) => (
            <TableRow key={entry.code ?? entry.name}>
              <TableCell>{entry.name}</TableCell>
              <TableCell>{entry.code}</TableCell>
              <TableCell align="right">{entry.bad}</TableCell>
              <TableCell align="right">{formatRate(entry.cumulative)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/** 排名: the ranked ones as horizontal bars (best on top) beside the table, the unranked after them in the table. */
const Ranking = ({ ranking }: { ranking: RankingsReport }) => {
  const translate = useTranslate();
  const top = ranking.ranked.slice(0, 15);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        {top.length === 0 ? (
          <Typography color="text.secondary">{translate('app.results.empty')}</Typography>
        ) : (
          <ResultsChart
            testId="results-ranking-chart"
            height={Math.max(160, top.length * 28 + 60)}
            option={{
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
              xAxis: FIGURES[ranking.figure].unit === 'rate' ? PERCENT_AXIS : { type: 'value' },
              yAxis: { type: 'category', inverse: true, data: top.map((entry) => `${entry.rank}. ${entry.name}`) },
              series: [
                {
                  name: ranking.figureLabel,
                  type: 'bar',
                  data: top.map((entry) => (FIGURES[ranking.figure].unit === 'rate' ? chartPercent(entry.value) : entry.value)),
                  label: { show: true, position: 'right', formatter: FIGURES[ranking.figure].unit === 'rate' ? '{c}%' : '{c}' },
                },
              ],
            }}
          />
        )}
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Table size="small" data-testid="results-ranking-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.results.rank')}</TableCell>
              <TableCell>{ranking.dimensionLabel}</TableCell>
              <TableCell align="right">{translate('app.results.reviews')}</TableCell>
              <TableCell align="right">{ranking.figureLabel}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...ranking.ranked, ...ranking.unranked.filter((entry) => entry.reviews > 0)].map((entry) => (
              <TableRow key={entry.key ?? entry.name} sx={entry.rank === null ? { '& td': { color: 'text.secondary' } } : undefined}>
                <TableCell>{entry.rank ?? translate('app.results.unranked')}</TableCell>
                <TableCell>{entry.name}</TableCell>
                <TableCell align="right">{entry.reviews}</TableCell>
                <TableCell align="right">{formatFigure(ranking.figure, entry.value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Grid>
    </Grid>
  );
};

const RANKING_FIGURES = FIGURE_KEYS.filter((key) => FIGURES[key].unit !== 'count');

const RankingSection = ({ query }: { query: ResultsQuery }) => {
  const translate = useTranslate();
  const [dimension, setDimension] = useState<RankingDimension>('hall');
  const [figure, setFigure] = useState<FigureKey>('goodRate');
  const ranking = useRankings(query, dimension, figure);
  const minimum = useMinimumToRank();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: canChangeMinimum } = useCanAccess({ resource: 'results-settings', action: 'edit' });
  return (
    <Section
      testId="results-rankings"
      title={translate('app.results.rankings')}
      help={minimum.data === undefined ? undefined : translate('app.results.rankings_help', { min: minimum.data })}
      action={
        <Stack direction="row" spacing={1}>
          <TextField select size="small" label={translate('app.results.ranking_dimension')} value={dimension} onChange={(event) => setDimension(event.target.value as RankingDimension)} sx={{ width: 160 }}>
            {RANKING_DIMENSIONS.map((key) => (
              <MenuItem key={key} value={key}>
                {RESULT_DIMENSIONS[key]}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('app.results.ranking_figure')} value={figure} onChange={(event) => setFigure(event.target.value as FigureKey)} sx={{ width: 240 }}>
            {RANKING_FIGURES.map((key) => (
              <MenuItem key={key} value={key}>
                {FIGURES[key].label}
                {LOWER_IS_BETTER_FIGURES.includes(key) ? translate('app.results.lower_is_better') : ''}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      }
    >
      {minimum.data !== undefined && canChangeMinimum && (
        <NumberSetting
          key={minimum.data}
          value={minimum.data}
          label={translate('app.results.min_to_rank')}
          unit={translate('app.results.min_to_rank_unit')}
          min={1}
          max={1000}
          testId="results-min-to-rank"
          save={(minReviewsToRank) => dataProvider.updateResultsSettings(minReviewsToRank)}
          saved={(settings) => ({ message: 'app.results.min_to_rank_saved', args: { min: settings.minReviewsToRank } })}
          queryKey={['results']}
        />
      )}
      <Loading error={ranking.error}>{ranking.data && <Ranking ranking={ranking.data} />}</Loading>
    </Section>
  );
};

const DownloadButtons = ({ query }: { query: ResultsQuery }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      const { blob, fileName } = await dataProvider.getResultsExport(query, format);
      saveBlob(blob, fileName);
    } catch (error) {
      notify(translate('app.results.download_failed', { message: error instanceof Error ? error.message : String(error) }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download('xlsx')} data-testid="results-download-xlsx">
        {translate('app.results.download_xlsx')}
      </Button>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download('csv')} data-testid="results-download-csv">
        {translate('app.results.download_csv')}
      </Button>
    </Stack>
  );
};

const DIMENSIONS = Object.keys(RESULT_DIMENSIONS) as ResultDimension[];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date a calendar period contains, or a custom range's first and last days. A range that would end before it
 * starts is not applied (the fields say why); what is shown stays the last valid query.
 */
const PeriodDates = ({ query, onChange }: { query: ResultsQuery; onChange: (query: ResultsQuery) => void }) => {
  const translate = useTranslate();
  const [range, setRange] = useState({ from: query.from, to: query.to });
  const reversed = range.from > range.to;
  const dateField = (key: 'date' | 'from' | 'to', value: string, onValue: (value: string) => void, help: string, error = false) => (
    <TextField
      key={key}
      type="date"
      size="small"
      label={translate(`app.results.${key}`)}
      helperText={help}
      error={error}
      value={value}
      sx={{ width: 200 }}
      onChange={(event) => DATE.test(event.target.value) && onValue(event.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `results-${key}` } }}
    />
  );
  if (query.period !== 'custom') return dateField('date', query.date, (date) => onChange({ ...query, date }), translate('app.results.date_help'));
  const setEnd = (key: 'from' | 'to') => (value: string) => {
    const next = { ...range, [key]: value };
    setRange(next);
    if (next.from <= next.to) onChange({ ...query, ...next });
  };
  const help = reversed ? translate('app.results.range_reversed') : translate('app.results.range_help');
  return (
    <>
      {dateField('from', range.from, setEnd('from'), help, reversed)}
      {dateField('to', range.to, setEnd('to'), help, reversed)}
    </>
  );
};

/** 统计分析: what the county is judged by, over a period the user picks (this month by default). */
export const ResultsPage = () => {
  const translate = useTranslate();
  const [query, setQuery] = useState<ResultsQuery>(() => {
    const today = shanghaiToday();
    return { dimension: 'hall', period: 'month', date: today, from: monthStartOf(today), to: today };
  });
  const results = useResults(query);
  const trend = useResultsTrend(query);
  const reasons = useReasons(query);
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.results.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={query.period}
              onChange={(_event, period: ResultPeriodKind | null) => period && setQuery({ ...query, period })}
              aria-label={translate('app.results.period')}
            >
              {RESULT_PERIOD_KINDS.map((key) => (
                <ToggleButton key={key} value={key} sx={{ px: 2 }}>
                  {translate(`app.results.periods.${key}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <PeriodDates query={query} onChange={setQuery} />
            <TextField
              select
              size="small"
              label={translate('app.results.dimension')}
              value={query.dimension}
              onChange={(event) => setQuery({ ...query, dimension: event.target.value as ResultDimension })}
              sx={{ width: 180 }}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'results-dimension' } as object } }}
            >
              {DIMENSIONS.map((key) => (
                <MenuItem key={key} value={key}>
                  {RESULT_DIMENSIONS[key]}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="subtitle1" data-testid="results-period-label" sx={{ fontWeight: 'bold' }}>
              {results.data?.period.label}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <DownloadButtons query={query} />
          </Stack>
        </CardContent>
      </Card>

      <Section testId="results-figures" title={translate('app.results.figures')} help={translate('app.results.figures_help')}>
        <Loading error={results.error}>{results.data && <FiguresTable report={results.data} />}</Loading>
      </Section>
      <Section testId="results-trend" title={translate('app.results.trend')} help={translate('app.results.trend_help')}>
        <Loading error={trend.error}>{trend.data && <Trend trend={trend.data} />}</Loading>
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Section testId="results-levels" title={translate('app.results.level_distribution')} help={translate('app.results.level_distribution_help')}>
            <Loading error={results.error}>{results.data && <LevelDistribution levels={results.data.totalLevels} />}</Loading>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Section testId="results-pareto" title={translate('app.results.pareto')} help={translate('app.results.pareto_help')}>
            <Loading error={reasons.error}>{reasons.data && <ReasonPareto reasons={reasons.data} />}</Loading>
          </Section>
        </Grid>
      </Grid>
      <RankingSection query={query} />
    </Box>
  );
};
