import type {
  CreatePersonInput,
  Page,
  PersonRoleInput,
  PersonSort,
  PersonView,
  SortOrder,
  UpdatePersonInput,
} from "@conventio/domain";
import { get, id, patch, post, queryString, remove, send } from "./core";

export const people = {
  list: (
    filters: {
      q?: string | undefined;
      organisation?: string | undefined;
      sort?: PersonSort | undefined;
      order?: SortOrder | undefined;
    },
    cursor?: string,
  ) => get<Page<PersonView>>(`/api/people${queryString({ ...filters, cursor, limit: 50 })}`),
  get: (personId: string) => get<PersonView>(`/api/people/${id(personId)}`),
  create: (input: CreatePersonInput) => post<PersonView>("/api/people", input),
  update: (personId: string, input: UpdatePersonInput) => patch<PersonView>(`/api/people/${id(personId)}`, input),
  erase: (personId: string) => remove(`/api/people/${id(personId)}`),
  exportUrl: (personId: string) => `/api/people/${id(personId)}/export`,
  addRole: (personId: string, input: PersonRoleInput) => post<PersonView>(`/api/people/${id(personId)}/roles`, input),
  removeRole: (personId: string, roleId: string) =>
    send<PersonView>("DELETE", `/api/people/${id(personId)}/roles/${id(roleId)}`),
};
