import { Box, CssBaseline, ThemeProvider, Typography } from '@mui/material';
import { createTheme } from '@mui/material/styles';
import { FIGURES } from '@haochaping/contracts';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { SUPERVISION_HOTLINE } from '../citizen/shared/hotline';
import { fontFamily } from '../layout/font-family';
import { formatFigure } from '../results/results-format';
import { ResultsChart } from '../results/ResultsChart';
import { levelsOption, trendOption } from './public-charts';
import { getHallResults, type HallResults, type PublicFigureKey } from './public-results-api';
import { formatClock, useRefreshing } from './use-refreshing';

/** How often the screen asks again (the answer's max-age is 60 s, and an unchanged answer is a 304). */
export const SCREEN_REFRESH_MS = 60_000;
const TILES = ['badRate', 'rectificationRate', 'onTimeRate', 'ratedRate'] as const satisfies readonly PublicFigureKey[];
const TEXT = '#ffffff';
const MUTED = '#b3c6e0';

const screenTheme = createTheme({ palette: { mode: 'dark', background: { default: '#0b1f3a' }, text: { primary: TEXT } }, typography: { fontFamily } });

/**
 * /screen/halls/:hallCode: a hall's TV (1920×1080), read from three metres: this month's figures in type of 40 px and
 * more, the level distribution and twelve months drawn with ECharts, asked again every minute, and when it last came.
 */
export function HallScreenPage() {
  const { hallCode = '' } = useParams();
  const { data, updatedAt, error } = useRefreshing((signal) => getHallResults(hallCode, 'month', signal), SCREEN_REFRESH_MS, [hallCode]);
  useEffect(() => {
    document.title = data ? `${data.hall.name} 好差评结果` : '好差评结果';
  }, [data]);

  return (
    <ThemeProvider theme={screenTheme}>
      <CssBaseline />
      <Box sx={{ width: '100vw', height: '100vh', overflow: 'hidden', display: 'grid', gridTemplateRows: 'auto 1fr auto', px: 6, py: 4, gap: 3, color: TEXT }}>
        <Box component="header" sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', borderBottom: `2px solid ${MUTED}`, pb: 2 }}>
          <Box>
            <Typography component="h1" data-testid="screen-hall" sx={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>
              {data?.hall.name ?? ''}
            </Typography>
            <Typography sx={{ fontSize: 40, color: MUTED }}>政务服务“好差评”结果公开{data ? ` · ${data.period.label}` : ''}</Typography>
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            {updatedAt ? (
              <Typography data-testid="screen-updated" sx={{ fontSize: 40 }}>
                更新于 {formatClock(updatedAt)}
              </Typography>
            ) : null}
            {error ? (
              <Typography role="alert" sx={{ fontSize: 40, color: '#ffb74d' }}>
                {data ? '更新失败，稍后自动重试' : error.message}
              </Typography>
            ) : null}
          </Box>
        </Box>
        {data ? <ScreenBody data={data} /> : <Box />}
        <Typography component="footer" data-testid="screen-footer" sx={{ fontSize: 32, color: MUTED }}>
          评价数不足{data?.minimumReviews ?? '—'}条的不公布数据 · 办完业务扫描窗口二维码评价 · 监督热线 {SUPERVISION_HOTLINE}
        </Typography>
      </Box>
    </ThemeProvider>
  );
}

function ScreenBody({ data }: { data: HallResults }) {
  const { hall } = data;
  return (
    <Box component="main" sx={{ display: 'grid', gridTemplateColumns: '820px 1fr', gap: 6, minHeight: 0 }}>
      <Box>
        {hall.figures ? (
          <>
            <Typography sx={{ fontSize: 48, color: MUTED }}>{FIGURES.goodRate.label}</Typography>
            <Typography data-testid="screen-good-rate" sx={{ fontSize: 200, fontWeight: 700, lineHeight: 1, color: '#81c784' }}>
              {formatFigure('goodRate', hall.figures.goodRate)}
            </Typography>
            <Typography data-testid="screen-reviews" sx={{ fontSize: 48, mt: 1 }}>
              {FIGURES.reviews.label} {formatFigure('reviews', hall.figures.reviews)} 条
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 3, mt: 4, mb: 0 }}>
              {TILES.map((key) => (
                <Box key={key} sx={{ bgcolor: 'rgba(255,255,255,0.08)', borderRadius: 2, px: 3, py: 2 }}>
                  <Typography component="dt" sx={{ fontSize: 40, color: MUTED }}>
                    {FIGURES[key].label}
                  </Typography>
                  <Typography component="dd" data-testid={`screen-${key}`} sx={{ fontSize: 80, fontWeight: 700, m: 0, lineHeight: 1.1 }}>
                    {formatFigure(key, hall.figures?.[key] ?? null)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </>
        ) : (
          <Typography data-testid="screen-notice" sx={{ fontSize: 64, mt: 8 }}>
            本月{hall.notice}
          </Typography>
        )}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateRows: hall.levels ? '1fr 1fr' : '1fr', gap: 2, minHeight: 0 }}>
        {hall.levels ? (
          <Box>
            <Typography sx={{ fontSize: 40, color: MUTED }}>评价等级分布</Typography>
            <ResultsChart testId="screen-levels" height={300} option={levelsOption(hall.levels, { font: 30, color: TEXT })} />
          </Box>
        ) : null}
        <Box>
          <Typography sx={{ fontSize: 40, color: MUTED }}>近12个月</Typography>
          <ResultsChart testId="screen-trend" height={300} option={trendOption(data.trend, { font: 26, color: TEXT })} />
        </Box>
      </Box>
    </Box>
  );
}
