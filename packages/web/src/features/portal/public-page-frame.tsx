import { useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * A public page as the server renders it, inside the staff app: the preview is the very page
 * the public will read, not a second rendering of it. The frame takes the page's height.
 */
export function PublicPageFrame({ path, title }: { path: string; title: string }) {
  const { i18n } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const lang = (i18n.resolvedLanguage ?? "en").slice(0, 2);
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (frame.current && doc) frame.current.style.height = `${doc.documentElement.scrollHeight}px`;
  };
  return (
    <iframe
      ref={frame}
      src={`/${lang}/preview${path}`}
      title={title}
      onLoad={fit}
      style={{ width: "100%", minHeight: 480, border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}
      data-testid="public-page-frame"
    />
  );
}
