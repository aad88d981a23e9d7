import {
  compactBase64,
  decodeBase64,
  type EwpHei,
  manifestEntryNamespace,
  REGISTRY_NAMESPACE,
} from "./ewp-catalogue-entries.js";
import { langLeaf, leaf, node, optionalLeaf, serialiseXml, type XmlElement } from "./xml-writer.js";

/**
 * The Discovery manifest (API v6) of a Conventio installation: one host, the institution it
 * serves, the APIs it implements under one base URL, and the RSA public keys it signs requests
 * and responses with. The Registry reads it and copies it into the catalogue.
 */

const GITHUB = "https://github.com/erasmus-without-paper";

export const DISCOVERY_NAMESPACE = `${GITHUB}/ewp-specs-api-discovery/tree/stable-v6`;

/** Every namespace the manifest uses, by the prefix it is written with. */
export const MANIFEST_NAMESPACES = {
  "": DISCOVERY_NAMESPACE,
  ewp: `${GITHUB}/ewp-specs-architecture/blob/stable-v1/common-types.xsd`,
  r: REGISTRY_NAMESPACE,
  sec: `${GITHUB}/ewp-specs-sec-intro/tree/stable-v2`,
  cliauth: `${GITHUB}/ewp-specs-sec-cliauth-httpsig/tree/stable-v1`,
  srvtls: `${GITHUB}/ewp-specs-sec-srvauth-tlscert/tree/stable-v1`,
  srvauth: `${GITHUB}/ewp-specs-sec-srvauth-httpsig/tree/stable-v1`,
  d6: manifestEntryNamespace("ewp-specs-api-discovery", 6),
  e2: manifestEntryNamespace("ewp-specs-api-echo", 2),
  ia7: manifestEntryNamespace("ewp-specs-api-iias", 7),
  iac3: manifestEntryNamespace("ewp-specs-api-iia-cnr", 3),
  iap2: manifestEntryNamespace("ewp-specs-api-iias-approval", 2),
  iapc2: manifestEntryNamespace("ewp-specs-api-iia-approval-cnr", 2),
  in2: manifestEntryNamespace("ewp-specs-api-institutions", 2),
  ou2: manifestEntryNamespace("ewp-specs-api-ounits", 2),
  fs1: manifestEntryNamespace("ewp-specs-api-factsheet", 1),
} as const;

/** Where each endpoint sits under the installation's EWP base URL. */
export const EWP_ENDPOINT_PATHS = {
  manifest: "/manifest.xml",
  echo: "/echo",
  iiasGet: "/iias/get",
  iiasIndex: "/iias/index",
  iiaCnr: "/iia-cnr",
  iiasApproval: "/iias-approval",
  iiaApprovalCnr: "/iia-approval-cnr",
  institutions: "/institutions",
  ounits: "/ounits",
  factsheet: "/factsheet",
} as const;

/** How many ids one request may ask for, as each API's manifest entry announces. */
export interface ManifestLimits {
  maxIiaIds: number;
  maxHeiIds: number;
  maxOunitIds: number;
  maxOunitCodes: number;
}

export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  maxIiaIds: 10,
  maxHeiIds: 1,
  maxOunitIds: 10,
  maxOunitCodes: 10,
};

export interface ManifestInput {
  /** The HTTPS address under which the EWP endpoints are served, e.g. `https://uni.example/ewp`. */
  baseUrl: string;
  /** At least one address the Registry maintainers and partners can write to. */
  adminEmails: string[];
  /** Who runs the installation, e.g. `Conventio (Example University)`. */
  adminProvider: string;
  adminNotes?: string;
  /** The institutions served; Discovery v6 allows one per manifest. */
  heis: EwpHei[];
  /** Base64 (DER, SubjectPublicKeyInfo) RSA public keys requests are signed with. */
  clientKeys: string[];
  /** Base64 (DER, SubjectPublicKeyInfo) RSA public keys responses are signed with. */
  serverKeys: string[];
  limits?: Partial<ManifestLimits>;
}

/** One API entry of the manifest, with the schema (inside the shipped assets) that governs it. */
export interface ManifestApiEntry {
  element: XmlElement;
  /** Null for Echo, whose entry schema is not shipped. */
  schema: string | null;
}

function isBase64(text: string): boolean {
  try {
    return decodeBase64(text).length > 0;
  } catch {
    return false;
  }
}

function checkedInput(input: ManifestInput): void {
  if (!/^https:\/\/.+/.test(input.baseUrl)) throw new RangeError("The EWP base URL must be an https:// address");
  if (input.adminEmails.length === 0) throw new RangeError("A manifest needs at least one administrator address");
  if (input.adminProvider.trim() === "") throw new RangeError("A manifest names its provider");
  if (input.heis.length > 1) throw new RangeError("A Discovery manifest covers at most one institution");
  for (const hei of input.heis)
    if (hei.names.length === 0) throw new RangeError(`The institution ${hei.id} needs at least one name`);
  for (const key of [...input.clientKeys, ...input.serverKeys])
    if (!isBase64(key)) throw new RangeError("An RSA public key must be given in base64");
  for (const [name, value] of Object.entries(input.limits ?? {}))
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number`);
}

/** The `http-security` of every API but Discovery: HTTP signatures for clients; TLS or signatures for the server. */
function httpSecurity(prefix: string): XmlElement {
  return node(`${prefix}:http-security`, [
    node("sec:client-auth-methods", [node("cliauth:httpsig", [])]),
    node("sec:server-auth-methods", [node("srvtls:tlscert", []), node("srvauth:httpsig", [])]),
  ]);
}

/** The API entries the installation publishes, in the order they are written. */
export function manifestApiEntries(input: Pick<ManifestInput, "baseUrl" | "limits">): ManifestApiEntry[] {
  const base = input.baseUrl.replace(/\/+$/, "");
  const url = (path: keyof typeof EWP_ENDPOINT_PATHS) => base + EWP_ENDPOINT_PATHS[path];
  const limits = { ...DEFAULT_MANIFEST_LIMITS, ...input.limits };
  const entry = (prefix: string, name: string, version: string, children: XmlElement[], withSecurity = true) =>
    node(`${prefix}:${name}`, [withSecurity ? httpSecurity(prefix) : null, ...children], [["version", version]]);
  return [
    {
      element: entry("d6", "discovery", "6.0.0", [leaf("d6:url", url("manifest"))], false),
      schema: "ewp-specs-api-discovery/manifest-entry.xsd",
    },
    { element: entry("e2", "echo", "2.0.0", [leaf("e2:url", url("echo"))]), schema: null },
    {
      element: entry("ia7", "iias", "7.0.0", [
        leaf("ia7:get-url", url("iiasGet")),
        leaf("ia7:max-iia-ids", String(limits.maxIiaIds)),
        leaf("ia7:index-url", url("iiasIndex")),
      ]),
      schema: "ewp-specs-api-iias/manifest-entry.xsd",
    },
    {
      element: entry("iac3", "iia-cnr", "3.0.0", [leaf("iac3:url", url("iiaCnr"))]),
      schema: "ewp-specs-api-iia-cnr/manifest-entry.xsd",
    },
    {
      element: entry("iap2", "iias-approval", "2.0.0", [
        leaf("iap2:url", url("iiasApproval")),
        leaf("iap2:max-iia-ids", String(limits.maxIiaIds)),
      ]),
      schema: "ewp-specs-api-iias-approval/manifest-entry.xsd",
    },
    {
      element: entry("iapc2", "iia-approval-cnr", "2.0.0", [leaf("iapc2:url", url("iiaApprovalCnr"))]),
      schema: "ewp-specs-api-iia-approval-cnr/manifest-entry.xsd",
    },
    {
      element: entry("in2", "institutions", "2.2.0", [
        leaf("in2:url", url("institutions")),
        leaf("in2:max-hei-ids", String(limits.maxHeiIds)),
      ]),
      schema: "ewp-specs-api-institutions/manifest-entry.xsd",
    },
    {
      element: entry("ou2", "organizational-units", "2.1.1", [
        leaf("ou2:url", url("ounits")),
        leaf("ou2:max-ounit-ids", String(limits.maxOunitIds)),
        leaf("ou2:max-ounit-codes", String(limits.maxOunitCodes)),
      ]),
      schema: "ewp-specs-api-ounits/manifest-entry.xsd",
    },
    {
      element: entry("fs1", "factsheet", "1.2.0", [
        leaf("fs1:url", url("factsheet")),
        leaf("fs1:max-hei-ids", String(limits.maxHeiIds)),
      ]),
      schema: "ewp-specs-api-factsheet/manifest-entry.xsd",
    },
  ];
}

function heiElement(hei: EwpHei): XmlElement {
  return node(
    "r:hei",
    [
      ...hei.otherIds.map((other) => leaf("r:other-id", other.value, [["type", other.type]])),
      ...hei.names.map((name) => langLeaf("r:name", name.text, name.lang)),
    ],
    [["id", hei.id]],
  );
}

const keyList = (name: string, keys: string[]) =>
  keys.length
    ? node(
        name,
        keys.map((key) => leaf("rsa-public-key", compactBase64(key))),
      )
    : null;

/** Writes the manifest. Throws a RangeError on input the schema or the Registry would refuse. */
export function writeManifest(input: ManifestInput): string {
  checkedInput(input);
  const host = node("host", [
    ...input.adminEmails.map((email) => leaf("ewp:admin-email", email)),
    leaf("ewp:admin-provider", input.adminProvider),
    optionalLeaf("ewp:admin-notes", input.adminNotes),
    node(
      "r:apis-implemented",
      manifestApiEntries(input).map((entry) => entry.element),
    ),
    input.heis.length ? node("institutions-covered", input.heis.map(heiElement)) : null,
    keyList("client-credentials-in-use", input.clientKeys),
    keyList("server-credentials-in-use", input.serverKeys),
  ]);
  return serialiseXml(node("manifest", [host]), MANIFEST_NAMESPACES);
}
