import { Modal, type ModalProps } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Every dialog of the staff app: its close button is named in the reader's language, and closing
 * it, by Escape, the close button or Cancel, gives the focus back to what opened it, even when
 * the page unmounts the dialog at once rather than letting it fade out.
 */
export function Dialog({ opened, closeButtonProps, ...props }: ModalProps) {
  const { t } = useTranslation();
  const opener = useRef<Element | null>(null);
  const wasOpen = useRef(false);
  // Read while rendering: the dialog moves the focus inside in its own effects, before ours run.
  if (opened && !wasOpen.current && typeof document !== "undefined") opener.current = document.activeElement;
  wasOpen.current = opened;

  useEffect(() => {
    if (!opened) return;
    return () => {
      const back = opener.current;
      if (!(back instanceof HTMLElement)) return;
      requestAnimationFrame(() => {
        if (back.isConnected) back.focus();
      });
    };
  }, [opened]);

  return (
    <Modal
      opened={opened}
      returnFocus={false}
      closeButtonProps={{ "aria-label": t("common.close"), ...closeButtonProps }}
      {...props}
    />
  );
}
