import type { TimelineEvent } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type MouseEvent, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate } from "../../lib/format";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";

const WIDTH = 960;
/** Each lane holds its label above its bar. */
const LANE = 42;
const TOP = 34;
const LEFT = 28;
const RIGHT = 28;

const MARKER_COLOURS: Record<string, string> = {
  signature: "#1864ab",
  renewal: "#087f5b",
  termination: "#c92a2a",
  meeting: "#862e9c",
};

function toYear(date: string): number {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return d.getUTCFullYear() + (d.getTime() - start) / (366 * 86_400_000);
}

/** A span's label, written above its bar (the bar's own description is read out already). */
function SpanLabel({
  span,
  y,
  x,
  today,
}: {
  span: TimelineEvent;
  y: number;
  x: (year: number) => number;
  today: string;
}) {
  const start = x(toYear(span.start));
  const end = x(toYear(span.end ?? today));
  // Labels of bars in the right part of the drawing end with the bar, so they stay inside it.
  const fromEnd = start > WIDTH * 0.55;
  const text = span.label.length > 72 ? `${span.label.slice(0, 71)}…` : span.label;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a label is text, never focused; its bar is read out already
    <text
      aria-hidden="true"
      x={fromEnd ? Math.min(end, WIDTH - 4) : start}
      y={y}
      textAnchor={fromEnd ? "end" : "start"}
      fontSize="13"
      fill="#212529"
    >
      {text}
    </text>
  );
}

interface Lane {
  key: string;
  span: TimelineEvent | null;
  markers: TimelineEvent[];
}

/** One lane per agreement or membership, with its moments on it; moments of nothing else share a last lane. */
function lanesOf(items: readonly TimelineEvent[]): Lane[] {
  const lanes: Lane[] = [];
  const byAgreement = new Map<string, Lane>();
  for (const e of items) {
    if (e.end !== null || e.kind === "agreement" || e.kind === "membership") {
      const lane: Lane = { key: `${e.kind}:${e.agreementId ?? e.label}:${e.start}`, span: e, markers: [] };
      lanes.push(lane);
      if (e.agreementId) byAgreement.set(e.agreementId, lane);
    }
  }
  const loose: Lane = { key: "moments", span: null, markers: [] };
  for (const e of items) {
    if (e.end !== null || e.kind === "agreement" || e.kind === "membership") continue;
    const lane = e.agreementId ? byAgreement.get(e.agreementId) : undefined;
    (lane ?? loose).markers.push(e);
  }
  if (loose.markers.length > 0) lanes.push(loose);
  return lanes;
}

/**
 * The relationship with a partner across the decades: spans for agreements and memberships,
 * markers for signatures, renewals, terminations and meetings. Every mark can be reached with
 * the keyboard, and the same facts are listed as a table.
 */
export function PartnerTimeline({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const titleId = useId();
  const descId = useId();
  const query = useQuery({ queryKey: ["timeline", organisationId], queryFn: () => api.timeline(organisationId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const items = query.data.items;
  if (items.length === 0) {
    return (
      <Section title={t("timeline.title")}>
        <Text c="dimmed">{t("timeline.empty")}</Text>
      </Section>
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const starts = items.map((e) => toYear(e.start));
  const ends = items.map((e) => toYear(e.end ?? e.start));
  const from = Math.floor(Math.min(...starts));
  const to = Math.max(Math.ceil(Math.max(...ends, toYear(today))), from + 1);
  const x = (year: number) => LEFT + ((year - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const lanes = lanesOf(items);
  const height = TOP + lanes.length * LANE + 10;
  const step = to - from > 30 ? 10 : to - from > 12 ? 5 : to - from > 5 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  const kindName = (kind: TimelineEvent["kind"]) => t(`timeline.kinds.${kind}`);
  const describe = (e: TimelineEvent) =>
    `${kindName(e.kind)}: ${e.label}, ${e.end ? `${formatDate(e.start)} – ${formatDate(e.end)}` : formatDate(e.start)}`;
  /** A mark that opens its agreement is a link; any other is an image the keyboard can still reach. */
  const mark = (e: TimelineEvent, key: string, shape: ReactNode) => {
    const label = describe(e);
    if (!e.agreementId) {
      return (
        // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a mark that links nowhere is still reachable, to hear its description
        <g key={key} className="timeline-mark" tabIndex={0} role="img" aria-label={label}>
          <title>{label}</title>
          {shape}
        </g>
      );
    }
    const agreementId = e.agreementId;
    const follow = (event: MouseEvent) => {
      event.preventDefault();
      void navigate({ to: "/agreements/$agreementId", params: { agreementId } });
    };
    return (
      <a key={key} className="timeline-mark" href={`/agreements/${agreementId}`} aria-label={label} onClick={follow}>
        <title>{label}</title>
        {shape}
      </a>
    );
  };

  return (
    <Section title={t("timeline.title")}>
      <div className="timeline-scroll">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing groups its marks with role="group", not a fieldset */}
        <svg
          className="partner-timeline"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{t("timeline.figure", { from, to })}</title>
          <desc id={descId}>{t("timeline.keyboardHint")}</desc>
          {ticks.map((year) => (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: grid lines are decoration and never take focus
            <g key={year} aria-hidden="true">
              <line x1={x(year)} x2={x(year)} y1={TOP - 8} y2={height} stroke="#dee2e6" />
              <text x={x(year)} y={TOP - 14} textAnchor="middle" fontSize="12" fill="#495057">
                {year}
              </text>
            </g>
          ))}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the today line is decoration and never takes focus */}
          <line
            aria-hidden="true"
            x1={x(toYear(today))}
            x2={x(toYear(today))}
            y1={TOP - 8}
            y2={height}
            stroke="#e8590c"
            strokeDasharray="4 3"
          />
          {lanes.map((lane, i) => {
            const y = TOP + i * LANE + LANE / 2 + 7;
            return (
              <g key={lane.key}>
                {lane.span && <SpanLabel span={lane.span} y={y - 12} x={x} today={today} />}
                {lane.span &&
                  mark(
                    lane.span,
                    "span",
                    <rect
                      x={x(toYear(lane.span.start))}
                      y={y - 7}
                      width={Math.max(4, x(toYear(lane.span.end ?? today)) - x(toYear(lane.span.start)))}
                      height={14}
                      rx={4}
                      fill={
                        lane.span.kind === "membership"
                          ? "#adb5bd"
                          : lane.span.status === "terminated"
                            ? "#ffc9c9"
                            : "#a5d8ff"
                      }
                      stroke={lane.span.kind === "membership" ? "#495057" : "#1864ab"}
                    />,
                  )}
                {lane.markers.map((m) =>
                  mark(
                    m,
                    `${m.kind}:${m.start}:${m.label}`,
                    m.kind === "meeting" ? (
                      <rect x={x(toYear(m.start)) - 5} y={y - 5} width={10} height={10} fill={MARKER_COLOURS.meeting} />
                    ) : (
                      <circle
                        cx={x(toYear(m.start))}
                        cy={y}
                        r={6}
                        fill={MARKER_COLOURS[m.kind] ?? "#495057"}
                        stroke="#fff"
                      />
                    ),
                  ),
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="timeline-legend" aria-hidden="true">
        <li>
          <span className="legend-swatch" style={{ background: "#a5d8ff" }} /> {kindName("agreement")}
        </li>
        <li>
          <span className="legend-swatch" style={{ background: "#adb5bd" }} /> {kindName("membership")}
        </li>
        {(["signature", "renewal", "termination", "meeting"] as const).map((k) => (
          <li key={k}>
            <span className="legend-swatch round" style={{ background: MARKER_COLOURS[k] }} /> {kindName(k)}
          </li>
        ))}
      </ul>
      <details className="timeline-text">
        <summary>{t("timeline.asText")}</summary>
        <Table verticalSpacing={4} mt="xs">
          <TableHead columns={[t("timeline.when"), t("timeline.what"), t("timeline.detail")]} />
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={`${e.kind}:${e.start}:${e.label}`}>
                <Table.Td>{e.end ? `${formatDate(e.start)} – ${formatDate(e.end)}` : formatDate(e.start)}</Table.Td>
                <Table.Td>{kindName(e.kind)}</Table.Td>
                <Table.Td>{e.label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Section>
  );
}
