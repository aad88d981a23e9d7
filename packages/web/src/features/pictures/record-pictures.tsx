import { useCan } from "../../lib/session";
import type { PictureOwner } from "./picture-api";
import { PicturesPanel } from "./pictures-panel";
import { PublicPictures } from "./public-pictures";

/**
 * Pictures on a page that staff and the public both read (an event, a news post): staff get the
 * panel with every picture, the public the figures it may see.
 */
export function RecordPictures({ owner }: { owner: PictureOwner }) {
  const isStaff = useCan("viewer");
  const canEdit = useCan("editor");
  return isStaff ? <PicturesPanel owner={owner} canEdit={canEdit} /> : <PublicPictures owner={owner} />;
}
