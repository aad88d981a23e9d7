import type { ReactNode } from "react";

/**
 * A region whose content may be wider or taller than its frame, named by its heading. It takes
 * the focus so that a keyboard can scroll it too.
 */
export function ScrollRegion({
  labelledBy,
  className = "scroll-region",
  testId,
  children,
}: {
  labelledBy: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section aria-labelledby={labelledBy} tabIndex={0} className={className} data-testid={testId}>
      {children}
    </section>
  );
}
