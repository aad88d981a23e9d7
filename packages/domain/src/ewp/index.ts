export * from "./ewp-values.js";
export * from "./iia.js";
export * from "./institution.js";
export * from "./xml-problem.js";
