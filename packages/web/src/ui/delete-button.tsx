import { Button } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "./confirm-dialog";
import { ProblemAlert } from "./problem-alert";

/** A delete button that asks first, then runs `onDelete` and `onDeleted`. */
export function DeleteButton({
  title,
  body,
  onDelete,
  onDeleted,
}: {
  title: string;
  body: string;
  onDelete: () => Promise<void>;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useMutation({ mutationFn: onDelete, onSuccess: onDeleted });
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>
        {t("common.delete")}
      </Button>
      <ConfirmDialog
        opened={open}
        title={title}
        body={body}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? <ProblemAlert error={remove.error} /> : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
