import { List, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { CitizenLayout } from '../citizen/layout/CitizenLayout';
import { ApiErrorAlert } from '../citizen/shared/ApiErrorAlert';
import { useLoad } from '../citizen/shared/use-load';
import { formatRate } from '../results/results-format';
import { ResultsChart } from '../results/ResultsChart';
import { trendOption } from './public-charts';
import { getCountyResults } from './public-results-api';
import { FigureCard, FigureNotes, PeriodPicker, usePublicPeriod } from './PublicParts';

/** /public/results: the county's results and every hall's, for a phone (WeChat's browser). */
export function CountyResultsPage() {
  const [period, setPeriod] = usePublicPeriod();
  const [state, reload] = useLoad((signal) => getCountyResults(period, signal), [period]);
  return (
    <CitizenLayout title="好差评结果公开">
      <PeriodPicker value={period} onChange={setPeriod} />
      {state.status === 'loading' ? <Skeleton variant="rounded" height={240} /> : null}
      {state.status === 'failed' ? <ApiErrorAlert error={state.error} onRetry={reload} /> : null}
      {state.status === 'done' ? (
        <>
          <FigureCard title="全县" periodLabel={state.data.period.label} result={state.data.county} testId="public-county" />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
            近12个月
          </Typography>
          <ResultsChart testId="public-county-trend" height={240} option={trendOption(state.data.trend, { font: 12 })} />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
            各服务大厅
          </Typography>
          <List data-testid="public-halls" sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>
            {state.data.halls.map((hall) => (
              <ListItemButton key={hall.code} component={RouterLink} to={`/public/results/halls/${encodeURIComponent(hall.code)}${period === 'month' ? '' : `?period=${period}`}`} divider sx={{ minHeight: 56 }}>
                <ListItemText primary={hall.name} secondary={hall.figures ? `好评率 ${formatRate(hall.figures.goodRate)} · 评价 ${hall.figures.reviews ?? 0} 条` : hall.notice} />
              </ListItemButton>
            ))}
          </List>
          <FigureNotes notes={state.data.notes} minimumReviews={state.data.minimumReviews} />
        </>
      ) : null}
    </CitizenLayout>
  );
}
