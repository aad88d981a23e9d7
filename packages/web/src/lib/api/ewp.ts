import type {
  EwpInstitution,
  EwpNodeStatus,
  EwpOutboxEntry,
  Iia,
  IiaApprovalsReport,
  IiaDraft,
  IiaExchangeView,
  IiaImportReport,
  IiaView,
} from "@conventio/domain";
import { ApiError, csrfHeader, get, id, post, problemOf, put, queryString } from "./core";

/** The documents the EWP APIs answer with, each downloadable as XML. */
export const EWP_DOCUMENTS = ["iias", "iias-index", "approvals", "institutions", "ounits", "factsheet"] as const;
export type EwpDocument = (typeof EWP_DOCUMENTS)[number];

/** A partner's document, sent as its own text with an XML content type (not as a multipart upload). */
async function postXml<T>(path: string, xml: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: {
        accept: "application/json, application/problem+json",
        "content-type": "application/xml",
        ...csrfHeader(),
      },
      credentials: "same-origin",
      body: xml,
    });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" });
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  throw new ApiError(problemOf(response.status, data));
}

/** An agreement's Erasmus+ IIA: our copy, the partner's, and the approvals. */
export const iias = {
  get: (agreementId: string) => get<IiaView>(`/api/agreements/${id(agreementId)}/iia`),
  draft: (agreementId: string) => get<IiaDraft>(`/api/agreements/${id(agreementId)}/iia/draft`),
  save: (agreementId: string, iia: Iia) => put<IiaView>(`/api/agreements/${id(agreementId)}/iia`, iia),
  approvePartnerCopy: (agreementId: string) => post<IiaView>(`/api/agreements/${id(agreementId)}/iia/approval`),
  exchange: (agreementId: string) => get<IiaExchangeView>(`/api/agreements/${id(agreementId)}/iia/exchange`),
  xmlUrl: (agreementId: string) => `/api/agreements/${id(agreementId)}/iia.xml`,
  pdfUrl: (agreementId: string, lang: string) => `/api/agreements/${id(agreementId)}/iia.pdf${queryString({ lang })}`,
};

/** The installation's side of Erasmus Without Paper: its institutions, documents, a partner's files and its node. */
export const ewp = {
  institutions: () => get<EwpInstitution[]>("/api/ewp/institutions"),
  saveInstitution: (institution: EwpInstitution) =>
    put<EwpInstitution>(`/api/ewp/institutions/${id(institution.heiId)}`, institution),
  documentUrl: (document: EwpDocument) => `/api/ewp/documents/${document}.xml`,
  importIias: (xml: string) => postXml<IiaImportReport>("/api/ewp/iias/import", xml),
  importApprovals: (xml: string) => postXml<IiaApprovalsReport>("/api/ewp/approvals/import", xml),
  node: () => get<EwpNodeStatus>("/api/ewp/node"),
  /** Makes a notification or fetch of the outbox due now. */
  retryOutbox: (outboxId: string) => post<EwpOutboxEntry>(`/api/ewp/outbox/${id(outboxId)}/retry`),
};
