import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCountryOptions } from "../lib/countries";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (code: string | null) => void;
};

/** ISO 3166-1 country, searched and shown by its name in the current language. */
export function CountrySelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const options = useCountryOptions();
  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t("common.nothingFound")}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
