import { ActionIcon, type ActionIconProps } from "@mantine/core";

type Props = { label: string; onClick: () => void; loading?: boolean } & Pick<ActionIconProps, "mt" | "mb">;

/** The small red ✕ that removes one row; its label names what goes, for screen readers and as a tooltip. */
export function RemoveButton({ label, onClick, loading, ...spacing }: Props) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      title={label}
      loading={loading}
      onClick={onClick}
      {...spacing}
    >
      <span aria-hidden="true">✕</span>
    </ActionIcon>
  );
}
