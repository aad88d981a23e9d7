import type { CreatedToken, CreateTokenInput, TokenView } from "@conventio/domain";
import { get, id, post, remove } from "./core";

/** The signed-in person's personal API tokens. */
export const tokens = {
  list: () => get<{ items: TokenView[] }>("/api/tokens"),
  create: (input: CreateTokenInput) => post<CreatedToken>("/api/tokens", input),
  revoke: (tokenId: string) => remove(`/api/tokens/${id(tokenId)}`),
};
