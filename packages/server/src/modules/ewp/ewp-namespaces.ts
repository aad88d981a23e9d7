/** XML namespaces of the EWP documents Conventio writes and reads, and the schema file of each. */

const GITHUB = "https://github.com/erasmus-without-paper";

export const EWP_NAMESPACES = {
  iiasGet: `${GITHUB}/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd`,
  iiasIndex: `${GITHUB}/ewp-specs-api-iias/blob/stable-v7/endpoints/index-response.xsd`,
  iiasApproval: `${GITHUB}/ewp-specs-api-iias-approval/tree/stable-v2`,
  institutions: `${GITHUB}/ewp-specs-api-institutions/tree/stable-v2`,
  ounits: `${GITHUB}/ewp-specs-api-ounits/tree/stable-v2`,
  factsheet: `${GITHUB}/ewp-specs-api-factsheet/tree/stable-v1`,
  contact: `${GITHUB}/ewp-specs-types-contact/tree/stable-v1`,
  phoneNumber: `${GITHUB}/ewp-specs-types-phonenumber/tree/stable-v1`,
  address: `${GITHUB}/ewp-specs-types-address/tree/stable-v1`,
  iiaCnr: `${GITHUB}/ewp-specs-api-iia-cnr/tree/stable-v3`,
  iiaApprovalCnr: `${GITHUB}/ewp-specs-api-iia-approval-cnr/tree/stable-v2`,
  echo: `${GITHUB}/ewp-specs-api-echo/tree/stable-v2`,
  commonTypes: `${GITHUB}/ewp-specs-architecture/blob/stable-v1/common-types.xsd`,
} as const;

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** The prefixes the writers use for the shared types, declared on each document's root. */
export const TYPE_PREFIXES = {
  a: EWP_NAMESPACES.address,
  c: EWP_NAMESPACES.contact,
  p: EWP_NAMESPACES.phoneNumber,
} as const;

/** Each response Conventio serves, with its root element and its schema among the bundled ones. */
export const EWP_DOCUMENTS = {
  iiasGet: {
    root: "iias-get-response",
    namespace: EWP_NAMESPACES.iiasGet,
    schema: "ewp-specs-api-iias/endpoints/get-response.xsd",
  },
  iiasIndex: {
    root: "iias-index-response",
    namespace: EWP_NAMESPACES.iiasIndex,
    schema: "ewp-specs-api-iias/endpoints/index-response.xsd",
  },
  iiasApproval: {
    root: "iias-approval-response",
    namespace: EWP_NAMESPACES.iiasApproval,
    schema: "ewp-specs-api-iias-approval/response.xsd",
  },
  institutions: {
    root: "institutions-response",
    namespace: EWP_NAMESPACES.institutions,
    schema: "ewp-specs-api-institutions/response.xsd",
  },
  ounits: {
    root: "ounits-response",
    namespace: EWP_NAMESPACES.ounits,
    schema: "ewp-specs-api-ounits/response.xsd",
  },
  factsheet: {
    root: "factsheet-response",
    namespace: EWP_NAMESPACES.factsheet,
    schema: "ewp-specs-api-factsheet/response.xsd",
  },
  iiaCnr: {
    root: "iia-cnr-response",
    namespace: EWP_NAMESPACES.iiaCnr,
    schema: "ewp-specs-api-iia-cnr/response.xsd",
  },
  iiaApprovalCnr: {
    root: "iia-approval-cnr-response",
    namespace: EWP_NAMESPACES.iiaApprovalCnr,
    schema: "ewp-specs-api-iia-approval-cnr/response.xsd",
  },
  error: {
    root: "error-response",
    namespace: EWP_NAMESPACES.commonTypes,
    schema: "ewp-specs-architecture/common-types.xsd",
  },
} as const;
export type EwpDocumentKind = keyof typeof EWP_DOCUMENTS;
