// The newsroom's media library, for every signed-in role: the uploaded images, newest first,
// with their ids (which articles use for lead images), sizes and uploaders; and the upload form,
// which stores an image only as the re-encoded variants media::ProcessImage makes.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/media/?page=N (the library, kMediaPerPage images a page) and POST /admin/media/
// (multipart/form-data, the file in field "image"). An upload that is stored, or was stored
// already (the same bytes), ends with a 303 back to the library. A missing file, one that is
// not a JPEG, PNG, WebP or GIF, or one over the configured size or pixel limits is answered 422
// with the library and the processor's sentence next to the upload field, and stores nothing.
void RegisterMediaPages(AdminRoutes& routes, AdminServices& services);

inline constexpr int kMediaPerPage = 48;

}  // namespace gazette::admin
