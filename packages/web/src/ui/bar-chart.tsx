import { useId } from "react";
import { useTranslation } from "react-i18next";

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
 * The axis's tick values from `min` to `max`. Counted things (people, agreements) get whole
 * steps only, at most five of them: an axis of 0, 1, 2 rather than 0, 0.5, 1, 1.5, 2.
 */
export function axisTicks(min: number, max: number, whole: boolean): number[] {
  if (!whole) return [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  const span = Math.max(1, Math.ceil(max) - Math.floor(min));
  const step = Math.max(1, niceMax(span / 4));
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) ticks.push(v);
  return ticks;
}

/**
 * Grouped bars per category with optional reference lines (a baseline, a target), drawn in SVG.
 * The figure is named by `title`; pages show the same numbers in a table for screen readers.
 * Numbers are written the reader's way ("2,5" in French and Swedish); `whole` says the values
 * count things, so the axis steps by whole numbers.
 */
export function BarChart({
  title,
  categories,
  series,
  lines = [],
  whole = false,
}: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  lines?: readonly ReferenceLine[];
  whole?: boolean;
}) {
  const titleId = useId();
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? "en", { maximumFractionDigits: 2 });
  const all = [...series.flatMap((s) => s.values), ...lines.map((l) => l.value)];
  const rawMin = Math.min(0, ...all);
  const top = niceMax(Math.max(0, ...all));
  const ticks = axisTicks(rawMin, top, whole);
  const min = ticks[0] ?? rawMin;
  const max = ticks[ticks.length - 1] ?? top;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.min(36, (band * 0.8) / Math.max(1, series.length));
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#495057">
              {number.format(v)}
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
                  <title>{`${c} · ${s.name}: ${number.format(v)}`}</title>
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
              {l.name}: {number.format(l.value)}
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
