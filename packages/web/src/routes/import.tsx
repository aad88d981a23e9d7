import { type ColumnMapping, hasRole, type ImportKind, type ImportPreview } from "@conventio/domain";
import { Stack, Title } from "@mantine/core";
import { createRoute, redirect } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApplyStep } from "../features/imports/apply-step";
import { CheckStep } from "../features/imports/check-step";
import { ChooseFileStep } from "../features/imports/choose-file-step";
import { IMPORT_STEPS, ImportSteps } from "../features/imports/import-steps";
import { MappingStep } from "../features/imports/mapping-step";
import { useImportRun } from "../features/imports/use-import-run";
import { errorsFromProblem, type FieldErrors } from "../lib/form-errors";
import { PageHeader } from "../ui/page-header";
import { internalRoute } from "./internal";

const sameMapping = (a: ColumnMapping, b: ColumnMapping) =>
  Object.keys({ ...a, ...b }).every((field) => (a[field] ?? null) === (b[field] ?? null));

/** Only the field errors that name the mapping (mapping.<field>); the step that shows them is the mapping's. */
function mappingErrors(error: unknown): FieldErrors {
  return Object.fromEntries(Object.entries(errorsFromProblem(error)).filter(([field]) => field.startsWith("mapping.")));
}

/**
 * Importing a spreadsheet, step by step: what the file holds and the file, which column fills
 * which field, a dry run that writes nothing, then the import. Each step's heading takes the
 * focus when it opens, so keyboard and screen-reader users land where the page changed.
 */
function ImportPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>("organisations");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [kept, setKept] = useState(false);
  const dryRun = useImportRun("dryRun");
  const apply = useImportRun("apply");
  const headingRef = useRef<HTMLHeadingElement>(null);

  function go(next: number) {
    setStep(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function read(next: ImportPreview) {
    // A corrected file of the same layout keeps the columns the person chose for the previous one.
    const keep = preview !== null && preview.layoutKey === next.layoutKey && next.mappingSource === "guessed";
    setKept(keep);
    setMapping(keep ? mapping : next.mapping);
    setPreview(next);
    dryRun.mutation.reset();
    apply.mutation.reset();
    go(1);
  }

  function runDry() {
    if (!preview) return;
    apply.mutation.reset();
    go(2);
    dryRun.mutation.mutate(
      { uploadId: preview.uploadId, mapping },
      { onError: (error) => Object.keys(mappingErrors(error)).length > 0 && go(1) },
    );
  }

  function runApply() {
    if (!preview) return;
    go(3);
    apply.mutation.mutate({ uploadId: preview.uploadId, mapping });
  }

  function startOver() {
    setPreview(null);
    setMapping({});
    setKept(false);
    dryRun.mutation.reset();
    apply.mutation.reset();
    go(0);
  }

  const checked = dryRun.mutation.variables;
  const stale =
    checked !== undefined && (checked.uploadId !== preview?.uploadId || !sameMapping(checked.mapping, mapping));
  const running = dryRun.mutation.isPending || apply.mutation.isPending;
  const reachable = (i: number) =>
    !running &&
    [true, preview !== null, !dryRun.mutation.isIdle && preview !== null, !apply.mutation.isIdle][i] === true;
  const name = IMPORT_STEPS[step] ?? "choose";

  return (
    <>
      <PageHeader title={t("imports.title")} subtitle={t("imports.subtitle")} />
      <Stack gap="lg">
        <ImportSteps active={step} reachable={reachable} onSelect={go} />
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: "none" }}>
          {t("imports.steps.heading", { n: step + 1, total: IMPORT_STEPS.length, name: t(`imports.steps.${name}`) })}
        </Title>
        {step === 0 && <ChooseFileStep kind={kind} onKindChange={setKind} onRead={read} />}
        {step === 1 && preview && (
          <MappingStep
            preview={preview}
            mapping={mapping}
            kept={kept}
            serverErrors={mappingErrors(dryRun.mutation.error)}
            onChange={(next) => {
              setMapping(next);
              setKept(false);
              if (dryRun.mutation.isError) dryRun.mutation.reset();
            }}
            onSaved={setPreview}
            onDryRun={runDry}
            onBack={() => go(0)}
          />
        )}
        {step === 2 && (
          <CheckStep
            run={dryRun}
            stale={stale}
            onRunAgain={runDry}
            onApply={runApply}
            onChangeMapping={() => go(1)}
            onCorrectFile={() => go(0)}
          />
        )}
        {step === 3 && (
          <ApplyStep
            kind={preview?.kind ?? kind}
            run={apply}
            onAgain={startOver}
            onCorrectFile={() => go(0)}
            onBackToCheck={() => go(2)}
          />
        )}
      </Stack>
    </>
  );
}

/** Editors and administrators import; the API refuses anyone else anyway. */
export const importRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/import",
  beforeLoad: ({ context }) => {
    const { user } = context;
    if (!hasRole({ kind: "user", id: user.id, name: user.name, role: user.role }, "editor")) {
      throw redirect({ to: "/dashboard" });
    }
  },
  component: ImportPage,
});
