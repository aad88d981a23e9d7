import { type DatePrecision, precisionOf } from "@conventio/domain";
import { Group, NativeSelect, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const INPUT_TYPE: Record<DatePrecision, string> = { day: "date", month: "month", year: "number" };

/** The same date at another precision: "2017-06-15" read to the month is "2017-06". */
function atPrecision(value: string, precision: DatePrecision): string {
  if (!value) return "";
  if (precision === "year") return value.slice(0, 4);
  if (precision === "month") return value.length >= 7 ? value.slice(0, 7) : "";
  return value.length === 10 ? value : "";
}

/**
 * A date known to the day, the month or only the year ("since 2002", "June 2017"): a choice of
 * precision beside the browser's own date, month or year field, so it stays keyboard-usable.
 */
export function PartialDateInput({
  label,
  value,
  onChange,
  error,
  description,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [precision, setPrecision] = useState<DatePrecision>(value ? precisionOf(value) : "day");
  return (
    // On a phone the precision goes under the date rather than past the edge of the form.
    <Group gap={6} align="flex-end" wrap="wrap">
      <TextInput
        style={{ flex: "1 1 9rem" }}
        type={INPUT_TYPE[precision]}
        label={label}
        description={description}
        required={required}
        error={error}
        value={value}
        {...(precision === "year" ? { min: 1800, max: 2200, placeholder: "2002" } : {})}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <NativeSelect
        aria-label={t("partialDate.precisionOf", { label })}
        w={110}
        mb={error ? 25 : 0}
        value={precision}
        data={(["day", "month", "year"] as const).map((p) => ({ value: p, label: t(`partialDate.${p}`) }))}
        onChange={(e) => {
          const next = e.currentTarget.value as DatePrecision;
          setPrecision(next);
          onChange(atPrecision(value, next));
        }}
      />
    </Group>
  );
}
