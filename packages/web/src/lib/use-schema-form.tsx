import { Alert } from "@mantine/core";
import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ProblemAlert } from "../ui/problem-alert";
import { ApiError } from "./api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "./form-errors";

/** What a form reads before checking: the schema's input, where any field may still be missing. */
type Draft<T> = T extends object ? { [K in keyof T]?: T[K] | undefined } : T;

type Options<S extends z.ZodType, R> = {
  /** The schema the server checks too; the form is checked against it before anything is sent. */
  schema: S;
  /** Reads the form's state into what the schema expects. */
  read: () => Draft<z.input<S>>;
  /** Sends what passed the schema. */
  send: (input: z.output<S>) => Promise<R>;
  onSaved?: (result: R) => void | Promise<void>;
};

export type SchemaForm<S extends z.ZodType, R> = {
  ref: RefObject<HTMLFormElement | null>;
  /** The message for one field, by the dotted path both the schema and the server use. */
  error: (path: string) => string | undefined;
  errors: FieldErrors;
  /** True when the last try was stopped here, before reaching the server. */
  refusedHere: boolean;
  submit: (event: FormEvent) => void;
  mutation: UseMutationResult<R, unknown, z.output<S>>;
};

/**
 * One way for every form to check, send and explain: the domain schema runs first and marks the
 * fields at fault; the server's problem+json marks them again if it refuses; either way the first
 * field at fault takes the focus, so a keyboard or screen-reader user lands on what to fix.
 */
export function useSchemaForm<S extends z.ZodType, R>({
  schema,
  read,
  send,
  onSaved,
}: Options<S, R>): SchemaForm<S, R> {
  const show = useFieldMessage();
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusedHere, setRefusedHere] = useState(false);
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const mutation = useMutation<R, unknown, z.output<S>>({
    mutationFn: send,
    onSuccess: async (result) => {
      await onSaved?.(result);
    },
    onError: (error) => {
      setErrors(errorsFromProblem(error));
      focusFirstInvalid();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = schema.safeParse(read());
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues));
      setRefusedHere(true);
      mutation.reset();
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setRefusedHere(false);
    mutation.mutate(parsed.data);
  }

  return { ref, error: (path) => show(errors[path]), errors, refusedHere, submit, mutation };
}

/**
 * What went wrong with the last try, above the fields. `quiet` (for short inline forms) says
 * nothing when the fields themselves carry the messages.
 */
type FormState = Pick<SchemaForm<z.ZodType, unknown>, "errors" | "refusedHere"> & {
  mutation: { isError: boolean; error: unknown };
};

export function FormProblem({ form, quiet = false }: { form: FormState; quiet?: boolean }) {
  const { t } = useTranslation();
  const marked = Object.keys(form.errors).length > 0;
  if (form.refusedHere) {
    if (quiet) return null;
    return (
      <Alert color="red" variant="light" role="alert" title={t("errors.validation_failed")}>
        {t("organisations.form.fixFields")}
      </Alert>
    );
  }
  if (!form.mutation.isError) return null;
  if (quiet && marked && form.mutation.error instanceof ApiError) return null;
  return <ProblemAlert error={form.mutation.error} />;
}
