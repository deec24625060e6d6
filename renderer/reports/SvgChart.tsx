import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** The page's own font, so chart labels print in the same CJK face as the tables. */
const fontFamily = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export type ChartOption = echarts.EChartsCoreOption;

/** Where a chart stands on the page: its size in CSS pixels, and what a screen reader says of it. */
type ChartFrame = { width: number; height: number; label: string; testId?: string };

/** The hall's chart colours: one blue, green and red for the same meaning on every page and on paper. */
export const chartColors = { figure: '#0b5cab', done: '#1b6e3a', alarm: '#b3261e' } as const;

/**
 * An ECharts chart rendered to an SVG string (ECharts' server-side mode, which runs in the
 * browser too) and placed in the page as markup: no canvas and no animation, so the chart
 * is in the DOM the moment the figures are, prints sharp at any scale, and its labels are
 * text a PDF keeps. Re-rendered when the option changes (the live hall's push updates).
 */
export function SvgChart({ option, width, height, label, testId }: ChartFrame & { option: ChartOption }) {
  const key = JSON.stringify(option);
  const svg = useMemo(() => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    chart.setOption({ animation: false, textStyle: { fontFamily }, ...option });
    const out = chart.renderToSVGString();
    chart.dispose();
    return out;
    // key stands for option: the same figures give the same chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- option is a new object each render; key is its content
  }, [key, width, height]);
  return <div className="svg-chart" role="img" aria-label={label} data-testid={testId} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** No label smaller than this, on screen or on paper (the charts are drawn at the size they are shown). */
export const CHART_FONT_PX = 12;
/** Past this many categories the axis labels turn, so every hour or day keeps its label without overlapping. */
const UPRIGHT_LABELS_MAX = 8;

type BarFigures = {
  categories: string[];
  series: { name: string; data: (number | null)[]; color?: string; colors?: string[] }[];
  line?: { value: number; label: string };
  yMax?: number;
  percent?: boolean;
};

/**
 * A bar chart of one or more series over category labels, with an optional horizontal line (a target).
 * The legend sits alone on the top line(s) and the plot starts below it, so they never overlap.
 */
export function barOption(opts: BarFigures): ChartOption {
  const turned = opts.categories.length > UPRIGHT_LABELS_MAX;
  const font = CHART_FONT_PX;
  return {
    grid: { left: 8, right: opts.line ? 40 : 12, top: opts.series.length > 1 ? 34 : 20, bottom: 8, containLabel: true },
    legend:
      opts.series.length > 1 ? { type: 'plain', top: 0, left: 'center', itemWidth: 14, itemHeight: 10, itemGap: 16, textStyle: { fontSize: font } } : undefined,
    xAxis: { type: 'category', data: opts.categories, axisLabel: { fontSize: font, interval: 0, rotate: turned ? 45 : 0 } },
    yAxis: { type: 'value', minInterval: 1, max: opts.yMax, axisLabel: { fontSize: font, formatter: opts.percent ? '{value}%' : '{value}' } },
    series: opts.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: s.colors ? s.data.map((value, j) => ({ value, itemStyle: { color: s.colors?.[j] } })) : s.data,
      itemStyle: s.color ? { color: s.color } : undefined,
      label: { show: true, position: 'top', fontSize: font },
      markLine:
        i === 0 && opts.line
          ? {
              symbol: 'none',
              data: [{ yAxis: opts.line.value }],
              label: { formatter: opts.line.label, fontSize: font },
              lineStyle: { color: chartColors.alarm, type: 'dashed' },
            }
          : undefined,
    })),
  };
}

/** A bar chart as SVG: the figures go to barOption, the frame to SvgChart. */
export function SvgBarChart({ width, height, label, testId, ...figures }: ChartFrame & BarFigures) {
  return <SvgChart label={label} testId={testId} width={width} height={height} option={barOption(figures)} />;
}
