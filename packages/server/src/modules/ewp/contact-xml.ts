import {
  ADDRESS_DETAILS,
  type EwpContact,
  type FlexibleAddress,
  type LocalisedString,
  type LocalisedUrl,
  type PhoneNumber,
} from "@conventio/domain";
import type { Element } from "@xmldom/xmldom";
import { childrenNamed, stringValue } from "./xml-dom.js";
import { type ModelPath, type XmlReading, xmlLang } from "./xml-reading.js";
import { langLeaf, leaves, node, optionalLeaf, type XmlElement } from "./xml-writer.js";

/**
 * The EWP shared types (contact, phone number, flexible address) in XML, both ways. The writers
 * use the prefixes `c`, `p` and `a` that every document declares (TYPE_PREFIXES).
 */

const ADDRESS_ELEMENTS: Record<(typeof ADDRESS_DETAILS)[number], string> = {
  buildingNumber: "a:buildingNumber",
  buildingName: "a:buildingName",
  streetName: "a:streetName",
  unit: "a:unit",
  floor: "a:floor",
  postOfficeBox: "a:postOfficeBox",
};

export function phoneElement(name: "p:phone-number" | "p:fax-number", phone: PhoneNumber): XmlElement {
  return node(name, [
    optionalLeaf("p:e164", phone.e164),
    optionalLeaf("p:ext", phone.ext),
    optionalLeaf("p:other-format", phone.otherFormat),
  ]);
}

export function addressElement(name: "a:street-address" | "a:mailing-address", address: FlexibleAddress): XmlElement {
  return node(name, [
    ...leaves("a:recipientName", address.recipientNames),
    ...leaves("a:addressLine", address.addressLines),
    ...ADDRESS_DETAILS.map((field) => optionalLeaf(ADDRESS_ELEMENTS[field], address[field])),
    ...leaves("a:deliveryPointCode", address.deliveryPointCodes),
    optionalLeaf("a:postalCode", address.postalCode),
    optionalLeaf("a:locality", address.locality),
    optionalLeaf("a:region", address.region),
    optionalLeaf("a:country", address.country),
  ]);
}

export const localisedLeaves = (name: string, texts: ReadonlyArray<LocalisedString>) =>
  texts.map((t) => langLeaf(name, t.value, t.lang));

export const urlLeaves = (name: string, urls: ReadonlyArray<LocalisedUrl>) =>
  urls.map((u) => langLeaf(name, u.url, u.lang));

/** The content of an EWP Contact, inside an element of the caller's choosing (c:contact, signing-contact…). */
export function contactElement(name: string, contact: EwpContact): XmlElement {
  return node(name, [
    ...localisedLeaves("c:contact-name", contact.names),
    ...localisedLeaves("c:person-given-names", contact.givenNames),
    ...localisedLeaves("c:person-family-name", contact.familyNames),
    optionalLeaf("c:person-gender", contact.gender),
    ...contact.phones.map((p) => phoneElement("p:phone-number", p)),
    ...contact.faxes.map((p) => phoneElement("p:fax-number", p)),
    ...leaves("c:email", contact.emails),
    contact.streetAddress && addressElement("a:street-address", contact.streetAddress),
    contact.mailingAddress && addressElement("a:mailing-address", contact.mailingAddress),
    ...localisedLeaves("c:role-description", contact.roles),
  ]);
}

export function readLocalised(r: XmlReading, parent: Element, name: string, path: ModelPath): LocalisedString[] {
  return childrenNamed(parent, name).map((el, i) => {
    r.from([...path, i], el);
    const lang = xmlLang(el);
    return { value: stringValue(el), ...(lang ? { lang } : {}) };
  });
}

export function readUrls(r: XmlReading, parent: Element, name: string, path: ModelPath): LocalisedUrl[] {
  return childrenNamed(parent, name).map((el, i) => {
    r.from([...path, i], el);
    const lang = xmlLang(el);
    return { url: stringValue(el), ...(lang ? { lang } : {}) };
  });
}

function readTexts(r: XmlReading, parent: Element, name: string, path: ModelPath): string[] {
  return childrenNamed(parent, name).map((el, i) => {
    r.from([...path, i], el);
    return stringValue(el);
  });
}

/** Sets `field` on `target` when the child element exists. */
function take<T extends object>(
  r: XmlReading,
  target: T,
  field: keyof T & string,
  parent: Element,
  name: string,
  path: ModelPath,
) {
  const value = r.optional(parent, name, [...path, field]);
  if (value !== undefined) (target as Record<string, unknown>)[field] = value;
}

export function readPhone(r: XmlReading, el: Element, path: ModelPath): PhoneNumber {
  r.from(path, el);
  const phone: PhoneNumber = {};
  take(r, phone, "e164", el, "e164", path);
  take(r, phone, "ext", el, "ext", path);
  take(r, phone, "otherFormat", el, "other-format", path);
  return phone;
}

export function readAddress(r: XmlReading, el: Element, path: ModelPath): FlexibleAddress {
  r.from(path, el);
  const address: FlexibleAddress = {
    recipientNames: readTexts(r, el, "recipientName", [...path, "recipientNames"]),
    addressLines: readTexts(r, el, "addressLine", [...path, "addressLines"]),
    deliveryPointCodes: readTexts(r, el, "deliveryPointCode", [...path, "deliveryPointCodes"]),
  };
  for (const field of ADDRESS_DETAILS) take(r, address, field, el, field, path);
  take(r, address, "postalCode", el, "postalCode", path);
  take(r, address, "locality", el, "locality", path);
  take(r, address, "region", el, "region", path);
  take(r, address, "country", el, "country", path);
  return address;
}

function readOptionalAddress(r: XmlReading, parent: Element, name: string, path: ModelPath) {
  const el = childrenNamed(parent, name)[0];
  return el ? readAddress(r, el, path) : undefined;
}

export function readContact(r: XmlReading, el: Element, path: ModelPath): EwpContact {
  r.from(path, el);
  const gender = childrenNamed(el, "person-gender")[0];
  const streetAddress = readOptionalAddress(r, el, "street-address", [...path, "streetAddress"]);
  const mailingAddress = readOptionalAddress(r, el, "mailing-address", [...path, "mailingAddress"]);
  return {
    names: readLocalised(r, el, "contact-name", [...path, "names"]),
    givenNames: readLocalised(r, el, "person-given-names", [...path, "givenNames"]),
    familyNames: readLocalised(r, el, "person-family-name", [...path, "familyNames"]),
    ...(gender ? { gender: r.number(gender, [...path, "gender"], "integer") } : {}),
    phones: childrenNamed(el, "phone-number").map((p, i) => readPhone(r, p, [...path, "phones", i])),
    faxes: childrenNamed(el, "fax-number").map((p, i) => readPhone(r, p, [...path, "faxes", i])),
    emails: readTexts(r, el, "email", [...path, "emails"]),
    ...(streetAddress ? { streetAddress } : {}),
    ...(mailingAddress ? { mailingAddress } : {}),
    roles: readLocalised(r, el, "role-description", [...path, "roles"]),
  };
}

/** Every child `name` read as a contact. */
export function readContacts(r: XmlReading, parent: Element, name: string, path: ModelPath): EwpContact[] {
  return childrenNamed(parent, name).map((el, i) => readContact(r, el, [...path, i]));
}
