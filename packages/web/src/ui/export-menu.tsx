import { type ExportKind, exportUrl } from "@conventio/domain";
import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";

type FilterValue = string | number | boolean | null | undefined;

/**
 * "Export" on a list page: the list as CSV or as an Excel workbook, with the filters it shows now.
 * Each entry is a plain link to the export, so the browser downloads it as it streams in, shows
 * its own progress, and nothing is held in the page's memory.
 */
export function ExportMenu({
  kind,
  filters = {},
  label,
}: {
  kind: ExportKind;
  filters?: object;
  /** The button's text and name when it exports something else than the list as filtered. */
  label?: string;
}) {
  const { t } = useTranslation();
  const current = filters as Readonly<Record<string, FilterValue>>;
  return (
    // Without the initial focus placeholder: a focusable child that is no menu item, which the menu role does not allow.
    <Menu position="bottom-end" shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" aria-label={label ?? t("export.button", { list: t(`export.lists.${kind}`) })}>
          {label ?? t("export.menu")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {label === undefined && <Menu.Label>{t("export.withFilters")}</Menu.Label>}
        <Menu.Item component="a" href={exportUrl(kind, "csv", current)} download>
          {t("export.csv")}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(kind, "xlsx", current)} download>
          {t("export.xlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
