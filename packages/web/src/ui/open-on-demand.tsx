import { Button, Group, VisuallyHidden } from "@mantine/core";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";

/** What a revealed form calls when it is done: with a sentence to announce after a save, or none on Cancel. */
export type CloseForm = (announce?: string) => void;

const FIELDS = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

/**
 * A key handler for the element around a form: Escape closes the form, unless it was closing an
 * open list first (a select, a picker), which keeps the form open.
 */
export function closesOnEscape(close: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true") return;
    event.preventDefault();
    close();
  };
}

/**
 * A form kept behind a button, so a page with many of them stays short. Opening moves the focus
 * into the form's first field; Cancel or Escape closes it and gives the focus back to the button;
 * after a save the form closes and what was saved is announced to screen-reader users.
 */
export function OpenOnDemand({
  label,
  accessibleLabel,
  children,
}: {
  /** The button's visible text. */
  label: string;
  /** A fuller name when several such buttons sit on one page (it starts with the visible text). */
  accessibleLabel?: string;
  children: (close: CloseForm) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const region = useRef<HTMLDivElement>(null);
  const focusButton = useRef(false);

  useEffect(() => {
    if (open) region.current?.querySelector<HTMLElement>(FIELDS)?.focus();
    else if (focusButton.current) {
      focusButton.current = false;
      button.current?.focus();
    }
  }, [open]);

  const close: CloseForm = (announce) => {
    setAnnouncement(announce ?? "");
    focusButton.current = true;
    setOpen(false);
  };

  return (
    <>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape is caught here for every field of the form inside.
        <div ref={region} onKeyDown={closesOnEscape(() => close())}>
          {children(close)}
        </div>
      ) : (
        // In a card (a flex column) the button would stretch to the full width without its group.
        <Group mt="sm">
          <Button
            ref={button}
            size="sm"
            variant="light"
            aria-label={accessibleLabel}
            onClick={() => {
              setAnnouncement("");
              setOpen(true);
            }}
          >
            {label}
          </Button>
        </Group>
      )}
    </>
  );
}
