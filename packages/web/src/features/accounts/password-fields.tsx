import { PASSWORD_MIN } from "@conventio/domain";
import { PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { z } from "zod";

/**
 * The schema with a second copy of the new password, which must match; the copy stays in the
 * browser. The message is read at render, in the language on screen.
 */
export function withConfirmation<T extends z.core.$ZodShape, C extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<T, C>,
  field: keyof T & string,
  message: string,
) {
  return schema
    .extend({ confirm: z.string() })
    .refine((value) => (value as Record<string, unknown>)[field] === value.confirm, { path: ["confirm"], message });
}

/** Drops the copy before sending. */
export function withoutConfirmation<T extends { confirm: string }>({ confirm: _, ...rest }: T): Omit<T, "confirm"> {
  return rest;
}

type Field = { value: string; onChange: (value: string) => void; error: string | undefined };

/** A new password and its copy, with the length rule said before anyone gets it wrong. */
export function NewPasswordFields({ password, confirm }: { password: Field; confirm: Field }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t("security.newPassword")}
        description={t("setup.passwordHint", { n: PASSWORD_MIN })}
        required
        autoComplete="new-password"
        value={password.value}
        onChange={(e) => password.onChange(e.currentTarget.value)}
        error={password.error}
        // Mantine marks the wrapper, not the inner password input, as invalid.
        aria-invalid={Boolean(password.error)}
      />
      <PasswordInput
        label={t("security.confirmPassword")}
        required
        autoComplete="new-password"
        value={confirm.value}
        onChange={(e) => confirm.onChange(e.currentTarget.value)}
        error={confirm.error}
        aria-invalid={Boolean(confirm.error)}
      />
    </>
  );
}
