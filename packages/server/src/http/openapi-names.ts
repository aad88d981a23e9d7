/**
 * Operation names for the OpenAPI document, read off the method and the path so that routes
 * need not name themselves: `GET /api/agreements` is listAgreements, `GET /api/agreements/{id}`
 * getAgreement, `POST /api/agreements/{id}/documents` createAgreementDocument. Operations that
 * are actions rather than nouns are named here.
 */
const ACTIONS: Record<string, string> = {
  "GET /api/auth/session": "getSession",
  "POST /api/auth/sign-in": "signIn",
  "POST /api/auth/sign-out": "signOut",
  "POST /api/setup": "completeSetup",
  "GET /api/users/assignable": "listAssignableUsers",
  "POST /api/agreements/past": "recordPastAgreement",
  "POST /api/agreements/{id}/transitions": "transitionAgreement",
  "POST /api/agreements/{id}/renewal": "renewAgreement",
  "POST /api/agreements/{id}/reviews": "recordAgreementReview",
  "GET /api/comments/pending": "listPendingComments",
  "POST /api/comments/{id}/moderation": "moderateComment",
  "POST /api/me/inbox/{id}/read": "markInboxItemRead",
  "POST /api/organisations/duplicates": "findDuplicateOrganisations",
  "GET /api/registry": "searchRegistry",
  "POST /api/registry/{id}/adopt": "adoptRegistryEntry",
};

const IRREGULAR: Record<string, string> = { people: "person", news: "news", me: "my" };

function isPlural(word: string): boolean {
  if (word.includes(".")) return false;
  return word === "people" || word === "news" || (word.endsWith("s") && !word.endsWith("ss"));
}

function singular(word: string): string {
  return IRREGULAR[word] ?? word.replace(/ies$/, "y").replace(/s$/, "");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** camelCase words of a segment: "public-preview" → PublicPreview, "review.pdf" → ReviewPdf. */
function words(segment: string): string {
  return segment.split(/[-.]/).map(capitalise).join("");
}

/** A stable, readable operationId from the method and the OpenAPI path. */
export function operationName(method: string, path: string): string {
  const upper = method.toUpperCase();
  const named = ACTIONS[`${upper} ${path}`];
  if (named) return named;
  const segments = path.replace(/^\/api\//, "").split("/");
  const last = segments.at(-1) ?? "";
  const endsWithId = last.startsWith("{");
  const nouns: string[] = [];
  segments.forEach((segment, i) => {
    if (segment.startsWith("{")) return;
    const followedById = segments[i + 1]?.startsWith("{") ?? false;
    const isLast = i === segments.length - 1;
    const creates = isLast && upper === "POST" && isPlural(segment);
    nouns.push(words(followedById || creates || segment === "me" ? singular(segment) : segment));
  });
  const object = nouns.join("");
  switch (upper) {
    case "GET":
      return `${endsWithId || !isPlural(last) ? "get" : "list"}${object}`;
    case "POST":
      return `create${object}`;
    case "PUT":
    case "PATCH":
      return `update${object}`;
    case "DELETE":
      return `delete${object}`;
    default:
      return `${upper.toLowerCase()}${object}`;
  }
}
