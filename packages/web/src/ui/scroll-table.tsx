import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from "react";

/** How the frame is named while it scrolls: its own label, or the name its table already has. */
interface Naming {
  label?: string | undefined;
  labelledBy?: string | undefined;
}

/** The name the table gives itself: its caption, else the element or words that label it. */
function tableNaming(frame: HTMLElement): Naming {
  const table = frame.querySelector("table");
  const caption = table?.querySelector("caption")?.textContent?.trim();
  if (caption) return { label: caption };
  const labelledBy = table?.getAttribute("aria-labelledby") ?? undefined;
  if (labelledBy) return { labelledBy };
  return { label: table?.getAttribute("aria-label") ?? undefined };
}

const sameNaming = (a: Naming, b: Naming) => a.label === b.label && a.labelledBy === b.labelledBy;

/**
 * A frame for a table wider than the screen: the table scrolls sideways inside it instead of the
 * page. Only while the table is wider than its frame does the frame become a named region that
 * takes the focus, so that a keyboard can scroll it too; a table that fits adds no tab stop.
 * Named by `label` or `labelledBy` when given, else by the table's caption or its own label.
 */
export function ScrollTable({
  minWidth,
  label,
  labelledBy,
  testId,
  children,
}: {
  /** The width below which the table scrolls rather than squeezes its columns. */
  minWidth: number;
  label?: string;
  labelledBy?: string;
  testId?: string;
  children: ReactNode;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const [naming, setNaming] = useState<Naming>({});

  const measure = useCallback(() => {
    const el = frame.current;
    if (!el) return;
    // A pixel of slack: rounding alone must not turn a table that fits into a tab stop.
    setOverflows(el.scrollWidth > el.clientWidth + 1);
    const found = tableNaming(el);
    setNaming((was) => (sameNaming(was, found) ? was : found));
  }, []);

  // Captions change with the language, so the name is read again after every render.
  useLayoutEffect(measure);

  useLayoutEffect(() => {
    const el = frame.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const table = el.querySelector("table");
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [measure]);

  const name: Naming = label ? { label } : labelledBy ? { labelledBy } : naming;
  return (
    <div
      ref={frame}
      className="scroll-table"
      data-testid={testId}
      {...(overflows && {
        role: "region",
        "aria-label": name.labelledBy ? undefined : name.label,
        "aria-labelledby": name.labelledBy,
        tabIndex: 0,
      })}
    >
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
