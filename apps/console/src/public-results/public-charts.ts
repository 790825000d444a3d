import type { EChartsOption } from 'echarts';
import { chartPercent, PERCENT_AXIS } from '../results/ResultsChart';
import { LEVELS } from '../results/results-format';
import type { LevelCounts } from '../results/results.types';
import type { PublicTrendPoint } from './public-results-api';

/** The level colours of 统计分析's distribution, 非常满意 to 非常不满意. */
const LEVEL_COLORS = ['#2e7d32', '#66bb6a', '#aed581', '#ffa726', '#e53935'];

/** Text sizes of a chart: a phone's, or a hall screen's read from three metres. */
export interface ChartScale {
  font: number;
  color?: string;
}

/** Chart text at the scale's size, in its colour when it has one (ECharts' default otherwise). */
const textOf = (scale: ChartScale) => ({ fontSize: scale.font, ...(scale.color ? { color: scale.color } : {}) });

/**
 * 评价等级分布 as a ring, each slice labelled with its count. Public charts do not animate: a screen redrawn every
 * minute would replay it, and a phone gains nothing by waiting for it.
 */
export function levelsOption(levels: LevelCounts, scale: ChartScale): EChartsOption {
  return {
    animation: false,
    color: LEVEL_COLORS,
    textStyle: textOf(scale),
    legend: { bottom: 0, textStyle: textOf(scale), itemWidth: scale.font, itemHeight: scale.font * 0.7 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '70%'],
        center: ['50%', '42%'],
        label: { position: 'inside', fontSize: scale.font, color: '#fff', formatter: (item: { value?: unknown }) => (Number(item.value) > 0 ? String(item.value) : '') },
        data: LEVELS.map((level) => ({ name: level.label, value: levels[level.key] })),
      },
    ],
  };
}

/**
 * The twelve months: adopted reviews as bars, 好评率 as a line. A withheld month has neither (a gap, not a zero): a
 * bar would give away the number the minimum hides.
 */
export function trendOption(trend: readonly PublicTrendPoint[], scale: ChartScale): EChartsOption {
  const axisText = textOf(scale);
  const adopted = (point: PublicTrendPoint) => (point.levels ? point.levels.level5 + point.levels.level4 + point.levels.level3 + point.levels.level2 + point.levels.level1 : null);
  return {
    animation: false,
    textStyle: axisText,
    legend: { top: 0, textStyle: axisText },
    grid: { left: scale.font * 3, right: scale.font * 3.5, top: scale.font * 2.8, bottom: scale.font * 2 },
    xAxis: { type: 'category', data: trend.map((point) => `${Number(point.key.slice(5, 7))}月`), axisLabel: axisText },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: axisText },
      { ...PERCENT_AXIS, position: 'right', axisLabel: { ...PERCENT_AXIS.axisLabel, ...axisText } },
    ],
    series: [
      { name: '有效评价数', type: 'bar', data: trend.map(adopted), itemStyle: { color: '#90caf9' } },
      {
        name: '好评率',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: scale.font / 2,
        lineStyle: { width: Math.max(2, scale.font / 8) },
        itemStyle: { color: '#2e7d32' },
        data: trend.map((point) => chartPercent(point.figures?.goodRate ?? null)),
      },
    ],
  };
}
