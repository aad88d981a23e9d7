import { EWP_DOCUMENTS, EWP_NAMESPACES } from "./ewp-namespaces.js";
import { childrenNamed, isElement, parseXml, stringValue } from "./xml-dom.js";
import { leaf, leaves, node, serialiseXml } from "./xml-writer.js";

/** The EWP error envelope: a message for the partner's developers. */
export function writeErrorResponse(developerMessage: string): string {
  return serialiseXml(node("error-response", [leaf("developer-message", developerMessage)]), {
    "": EWP_DOCUMENTS.error.namespace,
  });
}

/** The empty answer a change notification receiver gives to any well-received notification. */
export function writeCnrResponse(kind: "iiaCnr" | "iiaApprovalCnr"): string {
  return serialiseXml(node(EWP_DOCUMENTS[kind].root, []), { "": EWP_DOCUMENTS[kind].namespace });
}

/** Echo v2: the institutions the caller covers and the echo values it sent, in order. */
export function writeEchoResponse(heiIds: ReadonlyArray<string>, echoes: ReadonlyArray<string>): string {
  return serialiseXml(node("response", [...leaves("hei-id", heiIds), ...leaves("echo", echoes)]), {
    "": EWP_NAMESPACES.echo,
  });
}

/** The developer message of an EWP error response, or null for any other document. */
export function errorMessageOf(xml: string): string | null {
  try {
    const root = parseXml(xml).documentElement;
    if (!isElement(root) || root.localName !== "error-response") return null;
    const message = childrenNamed(root, "developer-message")[0];
    return message ? stringValue(message).trim() : "";
  } catch {
    return null;
  }
}
