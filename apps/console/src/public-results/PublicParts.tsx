import { Alert, Box, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { FIGURES } from '@haochaping/contracts';
import { useSearchParams } from 'react-router';
import { formatFigure } from '../results/results-format';
import { isPublicPeriod, PUBLIC_PERIODS, type PublicFigureKey, type PublicPeriodKey, type PublicResult } from './public-results-api';

/** The figures a public page shows under the headline 好评率, in this order. */
export const SECONDARY_FIGURES = ['badRate', 'rectificationRate', 'onTimeRate', 'ratedRate', 'reviews'] as const satisfies readonly PublicFigureKey[];

/** The period in the address (`?period=lastMonth`), so that a shared link shows what its sender saw. */
export function usePublicPeriod(): [PublicPeriodKey, (period: PublicPeriodKey) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('period');
  return [isPublicPeriod(value) ? value : 'month', (period) => setParams(period === 'month' ? {} : { period }, { replace: true })];
}

export function PeriodPicker({ value, onChange }: { value: PublicPeriodKey; onChange: (period: PublicPeriodKey) => void }) {
  return (
    <ToggleButtonGroup
      exclusive
      fullWidth
      color="primary"
      value={value}
      onChange={(_event, next: PublicPeriodKey | null) => next && onChange(next)}
      aria-label="统计周期"
      sx={{ mb: 2, bgcolor: 'background.paper' }}
    >
      {PUBLIC_PERIODS.map((period) => (
        <ToggleButton key={period.key} value={period.key} sx={{ minHeight: 48, fontSize: '1rem' }}>
          {period.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/** One subject's figures on a phone: 好评率 large, the others in a grid; or the notice why there are none. */
export function FigureCard({ title, periodLabel, result, testId }: { title: string; periodLabel: string; result: PublicResult; testId: string }) {
  return (
    <Card variant="outlined" data-testid={testId} sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title} · {periodLabel}
        </Typography>
        {result.figures ? (
          <>
            <Stack direction="row" alignItems="baseline" spacing={1} sx={{ my: 1 }}>
              <Typography component="span" color="text.secondary">
                {FIGURES.goodRate.label}
              </Typography>
              <Typography component="span" data-testid={`${testId}-good-rate`} sx={{ fontSize: '2.5rem', fontWeight: 700, color: 'success.dark', lineHeight: 1.1 }}>
                {formatFigure('goodRate', result.figures.goodRate)}
              </Typography>
            </Stack>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1, m: 0 }}>
              {SECONDARY_FIGURES.map((key) => (
                <Box key={key} sx={{ bgcolor: 'background.default', borderRadius: 1, p: 1 }}>
                  <Typography component="dt" variant="caption" color="text.secondary">
                    {FIGURES[key].label}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0, fontSize: '1.25rem', fontWeight: 600 }}>
                    {formatFigure(key, result.figures?.[key] ?? null)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </>
        ) : (
          <Alert severity="info" sx={{ mt: 1 }}>
            {result.notice}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

/** How the figures are computed, and the minimum, under every public page. */
export function FigureNotes({ notes, minimumReviews }: { notes: ReadonlyArray<{ key: string; label: string; note: string }>; minimumReviews: number }) {
  return (
    <Box component="section" sx={{ mt: 3, color: 'text.secondary' }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        评价数不足{minimumReviews}条的，不公布数据。“—”表示没有可计算的基数。
      </Typography>
      <Box component="dl" sx={{ m: 0 }}>
        {notes.map((note) => (
          <Typography key={note.key} variant="caption" component="div" sx={{ mb: 0.5 }}>
            <b>{note.label}</b>：{note.note}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
