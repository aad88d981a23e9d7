import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type AgreementKind, type AgreementStatus } from "@conventio/domain";
import { Badge, Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLOURS: Record<AgreementStatus, string> = {
  draft: "gray",
  negotiation: "indigo",
  awaiting_signature: "violet",
  active: "green",
  expiring: "orange",
  expired: "red",
  renewed: "teal",
  terminated: "dark",
};

export function StatusBadge({ status }: { status: AgreementStatus | string }) {
  const { t } = useTranslation();
  const known = AGREEMENT_STATUSES.find((s) => s === status);
  return (
    <Badge variant="dot" color={known ? STATUS_COLOURS[known] : "gray"} radius="sm" tt="none" fw={600}>
      {known ? t(`agreementStatus.${known}`) : status}
    </Badge>
  );
}

type KindProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: AgreementKind | null;
  onChange: (kind: AgreementKind | null) => void;
};

export function AgreementKindSelect({ value, onChange, ...rest }: KindProps) {
  const { t } = useTranslation();
  return (
    <Select
      data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreementKinds.${k}`) }))}
      value={value}
      onChange={(v) => onChange(AGREEMENT_KINDS.find((k) => k === v) ?? null)}
      {...rest}
    />
  );
}

type StatusProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: AgreementStatus | null;
  onChange: (status: AgreementStatus | null) => void;
};

export function AgreementStatusSelect({ value, onChange, ...rest }: StatusProps) {
  const { t } = useTranslation();
  return (
    <Select
      data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))}
      value={value}
      onChange={(v) => onChange(AGREEMENT_STATUSES.find((s) => s === v) ?? null)}
      {...rest}
    />
  );
}
