/**
 * The report charts. Loaded lazily: Recharts is fetched only when a report is opened, so it
 * never weighs on start-up. Each chart is a figure with a caption; the page beside it offers the
 * same numbers as a table.
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

export type ChartKind = 'bar' | 'grouped-bar' | 'line' | 'horizontal-bar';

const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

export default function ReportChart(props: {
  kind: ChartKind;
  label: string;
  points: Record<string, number | string>[];
  series: ChartSeries[];
  formatMoney(value: number): string;
  formatAxis(value: number): string;
  /** Per-point colours for a single-series breakdown (categories). */
  pointColors?: string[];
}) {
  const axisProps = { stroke: 'var(--muted)' };
  const height = props.kind === 'horizontal-bar' ? Math.max(220, props.points.length * 34 + 40) : 320;
  return (
    <figure className="chart" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={height}>
        {props.kind === 'line' ? (
          <LineChart data={props.points} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" {...axisProps} minTickGap={16} />
            <YAxis {...axisProps} tickFormatter={(value: number) => props.formatAxis(value)} width={80} />
            <Tooltip formatter={(value) => props.formatMoney(Number(value))} contentStyle={TOOLTIP_STYLE} />
            <Legend />
            {props.series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : props.kind === 'horizontal-bar' ? (
          <BarChart data={props.points} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
            <XAxis type="number" {...axisProps} tickFormatter={(value: number) => props.formatAxis(value)} />
            <YAxis type="category" dataKey="label" {...axisProps} width={120} />
            <Tooltip formatter={(value) => props.formatMoney(Number(value))} contentStyle={TOOLTIP_STYLE} />
            {props.series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false}>
                {props.pointColors?.map((color, index) => <Cell key={index} fill={color} />)}
              </Bar>
            ))}
          </BarChart>
        ) : (
          <BarChart data={props.points} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" {...axisProps} minTickGap={8} />
            <YAxis {...axisProps} tickFormatter={(value: number) => props.formatAxis(value)} width={80} />
            <Tooltip formatter={(value) => props.formatMoney(Number(value))} contentStyle={TOOLTIP_STYLE} />
            {props.series.length > 1 ? <Legend /> : null}
            {props.series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
