import { Group, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export const IMPORT_STEPS = ["choose", "map", "check", "apply"] as const;

/**
 * Where the person is in the import, as an ordered list: the current step is marked for assistive
 * technology (aria-current), and a step already reached can be gone back to.
 */
export function ImportSteps({
  active,
  reachable,
  onSelect,
}: {
  active: number;
  reachable: (step: number) => boolean;
  onSelect: (step: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("imports.steps.label")}>
      <Group component="ol" className="plain-list" gap="lg" wrap="wrap">
        {IMPORT_STEPS.map((name, i) => {
          const current = i === active;
          const done = i < active;
          const body: ReactNode = (
            <Group gap={8} wrap="nowrap">
              <ThemeIcon
                radius="xl"
                size={28}
                variant={current || done ? "filled" : "outline"}
                color={current || done ? "blue.8" : "gray.7"}
                aria-hidden="true"
              >
                <Text span fz="sm" fw={700}>
                  {done ? "✓" : i + 1}
                </Text>
              </ThemeIcon>
              <Text fw={current ? 700 : 500} c={current ? undefined : "gray.8"}>
                {t(`imports.steps.${name}`)}
              </Text>
              {done && <VisuallyHidden>{t("imports.steps.completed")}</VisuallyHidden>}
            </Group>
          );
          return (
            <li key={name} aria-current={current ? "step" : undefined}>
              {!current && reachable(i) ? (
                <UnstyledButton onClick={() => onSelect(i)} className="import-step-button">
                  {body}
                </UnstyledButton>
              ) : (
                body
              )}
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
