import {
  type ColumnMapping,
  cellText,
  type FieldError,
  fieldMessage,
  type ImportError,
  type ImportRowOutcome,
  isMissing,
  issueMessage,
  LIST_SEPARATOR,
  type MessageParams,
  textOfInertCell,
} from "@conventio/domain";
import type { z } from "zod";
import { hasControlCharacter } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";

export const CONTROL_MESSAGE = "Control characters such as NUL or terminal escapes are not allowed";

const YES = new Set(["yes", "y", "true", "1", "x", "oui", "ja", "public"]);
const NO = new Set(["no", "n", "false", "0", "non", "nej"]);

/**
 * One data row seen through the column mapping: reads cells by field name and collects what is
 * wrong with them, each error naming the row, the source column and the value as read.
 */
export class RowReader {
  readonly errors: ImportError[] = [];
  /** What the row's outcome should tell besides its action: values left out, merges. */
  readonly notes: RowNote[] = [];

  constructor(
    readonly row: number,
    private readonly cells: ReadonlyArray<string | null>,
    private readonly columnIndex: ReadonlyMap<string, number>,
    private readonly mapping: ColumnMapping,
  ) {}

  /** The cell of a field as the file holds it; null when no column fills the field. */
  raw(field: string): string | null {
    const i = this.columnIndex.get(field);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  /**
   * The cell as trimmed text, or null when it holds no value (#N/A and the like included); the
   * apostrophe an export puts before a would-be formula (such as '+33…) is dropped again.
   */
  text(field: string): string | null {
    const text = cellText(this.raw(field));
    return text === null ? null : textOfInertCell(text);
  }

  /** Whether a column fills this field. */
  has(field: string): boolean {
    return this.columnIndex.has(field);
  }

  /** The values of a list cell, separated by ; (or line breaks), placeholders dropped. */
  list(field: string): string[] {
    const text = this.text(field);
    if (!text) return [];
    return text
      .split(new RegExp(`[${LIST_SEPARATOR}\\n]`))
      .map((v) => v.trim())
      .filter((v) => !isMissing(v));
  }

  /** yes/no (and true/false, 1/0, oui/non, ja/nej); undefined when empty, an error when neither. */
  yesNo(field: string): boolean | undefined {
    const text = this.text(field)?.toLowerCase();
    if (!text) return undefined;
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    this.fail(field, "Write yes or no.");
    return undefined;
  }

  /** A whole number; undefined when empty, an error when the cell is not one. */
  integer(field: string): number | undefined {
    const text = this.text(field);
    if (!text) return undefined;
    const n = Number(text.replace(/\s/g, "").replace(",", "."));
    if (Number.isInteger(n)) return n;
    this.fail(field, "Write a whole number.");
    return undefined;
  }

  /** The header of the column that fills a field, or the field's own name when none does. */
  columnOf(field: string): string {
    return this.mapping[field] ?? field;
  }

  note(template: string, params: MessageParams = {}): void {
    this.notes.push({ template, params });
  }

  fail(field: string, template: string, params: MessageParams = {}): void {
    const m = fieldMessage(template, params);
    this.errors.push({
      row: this.row,
      column: this.columnOf(field),
      field,
      value: this.raw(field),
      message: m.message,
      key: m.key,
      params,
    });
  }

  /** Refuses control characters in every mapped cell; true when the row is clean. */
  refuseControlCharacters(): boolean {
    for (const field of this.columnIndex.keys()) {
      const value = this.raw(field);
      if (value && hasControlCharacter(value)) this.fail(field, CONTROL_MESSAGE);
    }
    return this.errors.length === 0;
  }

  /** True when no mapped cell holds a value. */
  isEmpty(): boolean {
    return [...this.columnIndex.keys()].every((f) => this.text(f) === null);
  }

  /** Schema issues, each put on the field `fieldOf` names for its path. */
  addIssues(issues: readonly z.core.$ZodIssue[], fieldOf: (path: PropertyKey[]) => string): void {
    for (const issue of issues) {
      const { key, message, params } = issueMessage(issue);
      this.push(fieldOf(issue.path), key, message, params ?? {});
    }
  }

  /** An error a service threw while writing the row, put on the fields it names or on `fallback`. */
  addAppError(err: AppError, fieldOf: (path: string) => string, fallback: string): void {
    const fieldErrors: FieldError[] = err.details.errors ?? [];
    if (fieldErrors.length === 0) {
      this.push(fallback, err.key, err.message, err.details.params ?? {});
      return;
    }
    for (const e of fieldErrors) this.push(fieldOf(e.field), e.key ?? e.message, e.message, e.params ?? {});
  }

  private push(field: string, key: string, message: string, params: MessageParams): void {
    this.errors.push({
      row: this.row,
      column: this.columnOf(field),
      field,
      value: this.raw(field),
      message,
      key,
      params,
    });
  }
}

/** A note on a row's outcome: a fixed template and its values. */
export interface RowNote {
  template: string;
  params?: MessageParams;
}

/** A row's outcome with its notes, each written from a fixed template. */
export function outcome(
  row: number,
  action: ImportRowOutcome["action"],
  id: string | null,
  label: string,
  ...notes: Array<RowNote | undefined>
): ImportRowOutcome {
  const written = notes
    .filter((n): n is RowNote => n !== undefined)
    .map((n) => {
      const m = fieldMessage(n.template, n.params ?? {});
      return { message: m.message, key: m.key, params: n.params ?? {} };
    });
  return { row, action, id, label, note: written[0] ?? null, notes: written };
}

/** The first segment of a dotted or array path, as a field name. */
export function topField(path: ReadonlyArray<PropertyKey> | string): string {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  return parts[0] ?? "";
}

/** Whether an error came from the rules (and belongs in the report) rather than from a fault. */
export function isRuleError(err: unknown): err is AppError {
  return err instanceof AppError && err.code !== "internal";
}
