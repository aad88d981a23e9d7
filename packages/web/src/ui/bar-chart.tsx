import { useId } from "react";

export interface Series {
  name: string;
  colour: string;
  values: readonly number[];
}

export interface ReferenceLine {
  name: string;
  value: number;
  colour: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const n = value / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

/**
 * Grouped bars per category with optional reference lines (a baseline, a target), drawn in SVG.
 * The figure is named by `title`; pages show the same numbers in a table for screen readers.
 */
export function BarChart({
  title,
  categories,
  series,
  lines = [],
}: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  lines?: readonly ReferenceLine[];
}) {
  const titleId = useId();
  const all = [...series.flatMap((s) => s.values), ...lines.map((l) => l.value)];
  const min = Math.min(0, ...all);
  const max = niceMax(Math.max(0, ...all));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.min(36, (band * 0.8) / Math.max(1, series.length));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#495057">
              {Math.round(v * 100) / 100}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <g key={c}>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const x = PAD.left + i * band + (band - barW * series.length) / 2 + j * barW;
              return (
                <rect
                  key={s.name}
                  x={x}
                  y={Math.min(y(v), y(0))}
                  width={barW - 2}
                  height={Math.abs(y(v) - y(0))}
                  fill={s.colour}
                >
                  <title>{`${c} · ${s.name}: ${v}`}</title>
                </rect>
              );
            })}
            <text
              x={PAD.left + i * band + band / 2}
              y={HEIGHT - PAD.bottom + 16}
              textAnchor="middle"
              fontSize="11"
              fill="#212529"
            >
              {c}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#495057" />
        {lines.map((l) => (
          <g key={l.name}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(l.value)}
              y2={y(l.value)}
              stroke={l.colour}
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            <text x={WIDTH - PAD.right} y={y(l.value) - 4} textAnchor="end" fontSize="11" fill={l.colour}>
              {l.name}: {l.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="timeline-legend">
          {series.map((s) => (
            <li key={s.name}>
              <span className="legend-swatch" style={{ background: s.colour }} /> {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
