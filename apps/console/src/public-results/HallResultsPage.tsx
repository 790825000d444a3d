import { Button, Skeleton, Typography } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { CitizenLayout } from '../citizen/layout/CitizenLayout';
import { ApiErrorAlert } from '../citizen/shared/ApiErrorAlert';
import { useLoad } from '../citizen/shared/use-load';
import { ResultsChart } from '../results/ResultsChart';
import { levelsOption, trendOption } from './public-charts';
import { getHallResults } from './public-results-api';
import { FigureCard, FigureNotes, PeriodPicker, usePublicPeriod } from './PublicParts';

/** /public/results/halls/:hallCode: one hall's results for a phone: the figures, the level distribution, 12 months. */
export function HallResultsPage() {
  const { hallCode = '' } = useParams();
  const [period, setPeriod] = usePublicPeriod();
  const [state, reload] = useLoad((signal) => getHallResults(hallCode, period, signal), [hallCode, period]);
  const hall = state.status === 'done' ? state.data.hall : undefined;
  return (
    <CitizenLayout title={hall ? `${hall.name}好差评结果` : '服务大厅好差评结果'}>
      <PeriodPicker value={period} onChange={setPeriod} />
      {state.status === 'loading' ? <Skeleton variant="rounded" height={240} /> : null}
      {state.status === 'failed' ? <ApiErrorAlert error={state.error} onRetry={state.error.status === 404 ? undefined : reload} /> : null}
      {state.status === 'done' && hall ? (
        <>
          <FigureCard title={hall.name} periodLabel={state.data.period.label} result={hall} testId="public-hall" />
          {hall.levels ? (
            <>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                评价等级分布
              </Typography>
              <ResultsChart testId="public-hall-levels" height={260} option={levelsOption(hall.levels, { font: 12 })} />
            </>
          ) : null}
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
            近12个月
          </Typography>
          <ResultsChart testId="public-hall-trend" height={240} option={trendOption(state.data.trend, { font: 12 })} />
          <FigureNotes notes={state.data.notes} minimumReviews={state.data.minimumReviews} />
        </>
      ) : null}
      <Button component={RouterLink} to={`/public/results${period === 'month' ? '' : `?period=${period}`}`} variant="outlined" fullWidth sx={{ mt: 2 }}>
        全县及各服务大厅
      </Button>
    </CitizenLayout>
  );
}
