import type { ReactNode } from "react";

/**
 * A region whose content may be wider or taller than its frame, named by its heading (or by a
 * label when it has no heading of its own). It takes the focus so that a keyboard can scroll it too.
 */
export function ScrollRegion({
  labelledBy,
  label,
  className = "scroll-region",
  testId,
  children,
}: {
  labelledBy?: string;
  label?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
      tabIndex={0}
      className={className}
      data-testid={testId}
    >
      {children}
    </section>
  );
}
