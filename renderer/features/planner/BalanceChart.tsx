/**
 * Stacked balances over time per debt. Loaded lazily: Recharts is only fetched when the planner
 * shows a chart, so it never weighs on start-up.
 */
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BalanceSeries {
  id: string;
  name: string;
  color: string;
}

export default function BalanceChart(props: {
  label: string;
  series: BalanceSeries[];
  points: Record<string, number | string>[];
  formatMoney(value: number): string;
  formatAxis(value: number): string;
}) {
  return (
    <figure className="chart" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={320}>
        <AreaChart data={props.points} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" stroke="var(--muted)" minTickGap={24} />
          <YAxis stroke="var(--muted)" tickFormatter={(value: number) => props.formatAxis(value)} width={72} />
          <Tooltip formatter={(value) => props.formatMoney(Number(value))} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
          <Legend />
          {props.series.map((s) => (
            <Area key={s.id} type="monotone" dataKey={s.id} name={s.name} stackId="balances" stroke={s.color} fill={s.color} fillOpacity={0.55} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
