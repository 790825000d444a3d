import type { EChartsOption } from 'echarts';
import ReactECharts from 'echarts-for-react';

/**
 * One ECharts chart, drawn as SVG (crisp when printed or captured, and its text is in the page). Every chart of
 * 统计分析 has its table beside or below it: the chart is for seeing, the table for reading the numbers.
 */
export const ResultsChart = ({ option, height = 300, testId }: { option: EChartsOption; height?: number; testId: string }) => (
  <div data-testid={testId}>
    <ReactECharts option={option} notMerge opts={{ renderer: 'svg' }} style={{ height, width: '100%' }} />
  </div>
);

const PERCENT_AXIS = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const;
/** A rate (fraction) as a percentage with one decimal for a chart; null stays a gap. */
export const chartPercent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export { PERCENT_AXIS };
