/**
 * A stored file's name: the folder of its kind (files/ for documents, pictures/ for pictures and
 * the logo), two characters of its generated name, then that name. The disk store keeps it under
 * DATA_DIR at exactly this path and a backup archives it under it, so nothing can name a place
 * outside those folders.
 */
export const FILE_KEY = /^(files|pictures)\/[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** Refuses a key that is not a stored file's name, before it can reach a path or a query. */
export function requireFileKey(key: string): string {
  if (!FILE_KEY.test(key)) throw new Error(`Not a stored file's key: ${JSON.stringify(key)}`);
  return key;
}
