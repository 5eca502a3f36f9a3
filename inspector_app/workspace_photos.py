"""The photos of one expert's workspace: listing, adding, removing and restoring, captions, 选入报告 and
markup. A mixin of `Workspace` (inspector_app/workspace.py), which supplies the store, plan, group, expert
and `can_score`; a place is a `workspace.Place` (school id, indicator code)."""
from __future__ import annotations

from inspector_app.store import identity as I
from inspector_app.store.identity import NOT_CHOSEN


class PhotoWork:
    """The photo actions of a `Workspace`, each one call to store/photo_records."""

    # photo_records pulls in Pillow (and pillow-heif): imported when photos are first used, not at start.
    def photos(self, place) -> list:
        from inspector_app.store import photo_records as R
        found = R.list_photos(self.store, self.plan.id, self.group.id, school_id=place.school_id,
                              indicator=place.code, expert_id=self.expert_id)
        R.prepare_files(self.store, found)  # thumbnails of merged photos made on first display, in parallel
        return found

    def record_photos(self, place, results, cancelled: bool):
        """Files already ingested (on a worker thread): name them in the store, or nothing when cancelled."""
        from inspector_app.store import photo_records as R
        if not self.can_score:
            raise I.IdentityError(NOT_CHOSEN)
        return R.record_photos(self.store, self.plan, self.group, self.expert_id, place.school_id, place.code,
                               results, cancelled=cancelled)

    def add_photos(self, place, paths, progress=None, cancelled=None):
        from inspector_app.store import photo_records as R
        if not self.can_score:
            raise I.IdentityError(NOT_CHOSEN)
        return R.add_photos(self.store, self.plan, self.group, self.expert_id, place.school_id, place.code, paths,
                            progress=progress, cancelled=cancelled)

    def remove_photo(self, photo_id: int):
        from inspector_app.store import photo_records as R
        return R.remove_photo(self.store, photo_id, self.expert_id)

    def restore_photo(self, photo_id: int):
        from inspector_app.store import photo_records as R
        return R.restore_photo(self.store, photo_id, self.expert_id)

    def set_caption(self, photo_id: int, caption: str):
        from inspector_app.store import photo_records as R
        return R.set_caption(self.store, photo_id, caption, self.expert_id)

    def set_photo(self, photo_id: int, *, chosen: bool | None = None, markup: str | None = None):
        """选入报告 on or off, or the photo's markup layer (the original file is never changed)."""
        from inspector_app.store import photo_records as R
        if chosen is not None:
            return R.set_chosen(self.store, photo_id, chosen, self.expert_id)
        return R.set_markup(self.store, photo_id, markup or "", self.expert_id)

    def photo_file(self, photo, thumb: bool = True):
        from inspector_app.store import photo_records as R
        return R.file_path(self.store, photo, thumb=thumb)
