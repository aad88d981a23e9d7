import {
  EwpInstitution,
  EwpNodeStatus,
  EwpOutboxEntry,
  Iia,
  IiaApprovalsReport,
  IiaDraft,
  IiaExchangeView,
  IiaImportReport,
  IiaView,
  UiLanguage,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, fileResponse, IdParams, problems } from "#http/common.js";
import { AppError } from "#shared/app-error.js";
import type { EwpInstitutionService } from "./ewp-institution.service.js";
import type { EwpStatusService } from "./ewp-status.service.js";
import type { IiaService } from "./iia.service.js";
import type { IiaExchange } from "./iia-exchange.js";

/** A partner's document: tens of megabytes at most for thousands of agreements. */
const XML_BODY_LIMIT = 50 * 1024 * 1024;

const XML_TYPES = ["application/xml", "text/xml"];

const DOCUMENTS = ["iias", "iias-index", "approvals", "institutions", "ounits", "factsheet"] as const;
const DocumentParams = z.object({ document: z.enum(DOCUMENTS) });

const XmlBody = z.string().describe("An EWP XML document, sent as application/xml");

export interface EwpRouteServices {
  iias: IiaService;
  exchange: IiaExchange;
  institutions: EwpInstitutionService;
  status: EwpStatusService;
}

export function ewpRoutes({ iias, exchange, institutions, status }: EwpRouteServices): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["erasmus-without-paper"];
    app.addContentTypeParser(XML_TYPES, { parseAs: "string", bodyLimit: XML_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    const xmlText = (body: unknown): string => {
      if (typeof body !== "string" || body.trim() === "") {
        throw AppError.field(
          "validation_failed",
          "file",
          "Send the XML document as the body, with Content-Type: application/xml.",
        );
      }
      return body;
    };

    app.get(
      "/api/agreements/:id/iia",
      {
        schema: {
          tags,
          summary: "The agreement's IIA: our copy, the partner's, differences and approvals",
          params: IdParams,
          response: { 200: IiaView, ...problems },
        },
      },
      async (req) => iias.getIia(req.actor, req.params.id),
    );
    app.get(
      "/api/agreements/:id/iia/draft",
      {
        schema: {
          tags,
          summary: "A first IIA for an agreement without one, from its parties and reference",
          params: IdParams,
          response: { 200: IiaDraft, ...problems },
        },
      },
      async (req) => iias.draftIia(req.actor, req.params.id),
    );
    app.put(
      "/api/agreements/:id/iia",
      {
        schema: {
          tags,
          summary: "Create or change our copy of the IIA; our iia-id and iia-code are set by Conventio",
          params: IdParams,
          body: Iia,
          response: { 200: IiaView, ...problems },
        },
      },
      async (req) => iias.saveIia(req.actor, req.params.id, req.body),
    );
    app.post(
      "/api/agreements/:id/iia/approval",
      {
        schema: {
          tags,
          summary: "Approve the partner's copy as last received",
          params: IdParams,
          response: { 200: IiaView, ...problems },
        },
      },
      async (req) => iias.approvePartnerCopy(req.actor, req.params.id),
    );
    app.get(
      "/api/agreements/:id/iia.xml",
      {
        schema: {
          tags,
          summary: "The IIA as an EWP IIAs get-response (v7)",
          params: IdParams,
          response: {
            200: fileResponse("An iias-get-response", ["application/xml"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        reply
          .type("application/xml; charset=utf-8")
          .header("content-disposition", `attachment; filename="iia-${req.params.id}.xml"`)
          .send(await iias.exportXml(req.actor, req.params.id)),
    );

    app.get(
      "/api/agreements/:id/iia/versions/:versionId/proof.xml",
      {
        schema: {
          tags,
          summary: "The partner's approval response kept as proof of the version it approved",
          params: IdParams.extend({ versionId: z.string().min(1).max(64) }),
          response: {
            200: fileResponse("An iias-approval-response", ["application/xml"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        reply
          .type("application/xml; charset=utf-8")
          .header("content-disposition", `attachment; filename="approval-${req.params.versionId}.xml"`)
          .send(await iias.approvalProof(req.actor, req.params.id, req.params.versionId)),
    );
    app.get(
      "/api/agreements/:id/iia.pdf",
      {
        schema: {
          tags,
          summary: "The IIA as a PDF to sign, in the Erasmus+ template's order",
          params: IdParams,
          querystring: z.object({ lang: UiLanguage.default("en").describe("The language of the document") }),
          response: { 200: fileResponse("The IIA as a PDF", ["application/pdf"], CONTENT_DISPOSITION), ...problems },
        },
      },
      async (req, reply) =>
        reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="iia-${req.params.id}.pdf"`)
          .send(await iias.pdf(req.actor, req.params.id, req.query.lang)),
    );
    app.get(
      "/api/agreements/:id/iia/exchange",
      {
        schema: {
          tags,
          summary: "Where the IIA stands with the partner's node: sent, mapped, approvals, outbox and calls",
          params: IdParams,
          response: { 200: IiaExchangeView, ...problems },
        },
      },
      async (req) => status.exchangeOf(req.actor, req.params.id),
    );
    app.post(
      "/api/ewp/outbox/:id/retry",
      {
        schema: {
          tags,
          summary: "Send a notification or fetch again now",
          params: IdParams,
          response: { 200: EwpOutboxEntry, ...problems },
        },
      },
      async (req) => status.retry(req.actor, req.params.id),
    );
    app.get(
      "/api/ewp/node",
      {
        schema: {
          tags,
          summary: "The installation's EWP node: address, keys, catalogue, outbox and recent calls",
          response: { 200: EwpNodeStatus, ...problems },
        },
      },
      async (req) => status.nodeStatus(req.actor),
    );
    app.get(
      "/api/ewp/institutions",
      {
        schema: {
          tags,
          summary: "The installation's institutions as the EWP APIs serve them",
          response: { 200: z.array(EwpInstitution), ...problems },
        },
      },
      async (req) => institutions.listInstitutions(req.actor),
    );
    app.put(
      "/api/ewp/institutions/:heiId",
      {
        schema: {
          tags,
          summary: "Describe one of the installation's institutions (administrators)",
          params: z.object({ heiId: z.string().min(1).max(255) }),
          body: EwpInstitution,
          response: { 200: EwpInstitution, ...problems },
        },
      },
      async (req) => institutions.saveInstitution(req.actor, req.params.heiId, req.body),
    );
    app.get(
      "/api/ewp/documents/:document.xml",
      {
        schema: {
          tags,
          summary:
            "A document the EWP APIs answer with: every IIA, the IIAs index, our approvals, institutions, units or factsheet",
          params: DocumentParams,
          response: {
            200: fileResponse("An EWP response document", ["application/xml"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) => {
        const { document } = req.params;
        const xml =
          document === "iias" ? await iias.exportXml(req.actor) : await institutions.document(req.actor, document);
        return reply
          .type("application/xml; charset=utf-8")
          .header("content-disposition", `attachment; filename="${document}.xml"`)
          .send(xml);
      },
    );
    app.post(
      "/api/ewp/iias/import",
      {
        schema: {
          tags,
          summary: "Import a partner's IIAs get-response: maps or creates our copies, all or nothing",
          consumes: XML_TYPES,
          body: XmlBody,
          response: { 200: IiaImportReport, ...problems },
        },
      },
      async (req) => exchange.importPartnerIias(req.actor, xmlText(req.body)),
    );
    app.post(
      "/api/ewp/approvals/import",
      {
        schema: {
          tags,
          summary: "Import a partner's IIAs Approval response: approvals of our current copies are recorded",
          consumes: XML_TYPES,
          body: XmlBody,
          response: { 200: IiaApprovalsReport, ...problems },
        },
      },
      async (req) => exchange.importPartnerApprovals(req.actor, xmlText(req.body)),
    );
  };
}
