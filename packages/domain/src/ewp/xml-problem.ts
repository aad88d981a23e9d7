import { z } from "zod";
import { MessageParams } from "../errors.js";

/**
 * A problem found in an EWP XML document: where it is (line and element) and what is wrong, as
 * an English sentence with the template and values it was filled from.
 */
export const EwpXmlProblem = z.object({
  line: z.number().int().nullable().describe("Line of the element at fault, 1-based; null when unknown"),
  element: z.string().nullable().describe("Local name of the element at fault"),
  field: z.string().optional().describe("Dotted path of the model field the element fills, when there is one"),
  message: z.string().describe("The message in English"),
  key: z.string().describe("Catalogue key of the message: its English template"),
  params: MessageParams.optional().describe("Values for the template's placeholders"),
});
export type EwpXmlProblem = z.infer<typeof EwpXmlProblem>;
