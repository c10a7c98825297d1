/**
 * The console's small charts, drawn on the server as SVG (no script, nothing loaded). Each page
 * shows a table beside its chart with the same figures; the chart is the picture, the table the
 * record. Bars are `class="bar"`, the axis `axis`, a running line `line`: each page colours them.
 */

const WIDTH = 360;

/** One horizontal bar per row, its name on the left and its value at the bar's end. */
export function RowBars(props: {
  label: string;
  rows: readonly { key: string; name: string; value: number }[];
  /** Room for the names; longer ones are cut in the picture only (the table has them whole). */
  nameWidth?: number;
  nameMax?: number;
}) {
  const row = 28;
  const nameWidth = props.nameWidth ?? 110;
  const height = props.rows.length * row + 4;
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const nameMax = props.nameMax ?? Number.POSITIVE_INFINITY;
  const short = (s: string) => (s.length > nameMax ? `${s.slice(0, nameMax - 1)}…` : s);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.label} width={WIDTH} height={height}>
      <title>{props.label}</title>
      {props.rows.map((r, i) => {
        const w = Math.round(((WIDTH - nameWidth - 40) * r.value) / max);
        return (
          <g key={r.key}>
            <text x={0} y={i * row + 18}>
              {short(r.name)}
            </text>
            <rect class="bar" x={nameWidth} y={i * row + 6} width={Math.max(w, 1)} height={row - 10} />
            <text x={nameWidth + w + 4} y={i * row + 18}>
              {String(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A column per period (day, month), the first and last period named under the axis and the
 * largest value at the top; optionally a running line (e.g. a cumulative total) on the same scale.
 */
export function ColumnChart(props: {
  label: string;
  columns: readonly { key: string; value: number; line?: number }[];
  first: string;
  last: string;
  height?: number;
}) {
  const height = props.height ?? 150;
  const bottom = 20;
  const top = 14;
  const { columns } = props;
  const withLine = columns.some((c) => c.line !== undefined);
  const max = Math.max(1, ...columns.map((c) => Math.max(c.value, c.line ?? 0)));
  const slot = WIDTH / Math.max(1, columns.length);
  const y = (value: number) => height - bottom - Math.round(((height - bottom - top) * value) / max);
  const points = columns.map((c, i) => `${Math.round(i * slot + slot / 2)},${y(c.line ?? 0)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.label} width={WIDTH} height={height}>
      <title>{props.label}</title>
      <line class="axis" x1={0} y1={height - bottom} x2={WIDTH} y2={height - bottom} />
      {columns.map((c, i) => (
        <rect
          key={c.key}
          class="bar"
          x={Math.round(i * slot + slot * 0.15)}
          y={y(c.value)}
          width={Math.max(1, Math.round(slot * 0.7))}
          height={height - bottom - y(c.value)}
        />
      ))}
      {withLine ? <polyline class="line" points={points} /> : null}
      <text x={0} y={height - 4}>
        {props.first}
      </text>
      <text x={WIDTH} y={height - 4} text-anchor="end">
        {props.last}
      </text>
      <text x={0} y={10}>
        {String(max)}
      </text>
    </svg>
  );
}
