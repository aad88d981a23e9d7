import type { ShownText } from "@conventio/domain";
import { useTranslation } from "react-i18next";

/**
 * A multilingual text as the server picked it for the reader: marked with its own language
 * when it is not the page's, so screen readers pronounce a French original in an English page.
 */
export function Shown({ value }: { value: ShownText | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return null;
  const page = (i18n.resolvedLanguage ?? "en").split("-")[0];
  if (!value.lang || value.lang.split("-")[0] === page) return <>{value.text}</>;
  return <span lang={value.lang}>{value.text}</span>;
}
