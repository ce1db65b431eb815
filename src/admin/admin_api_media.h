// The Admin API's image upload: the image is decoded and re-encoded by the media component into
// the variants the store keeps (the uploaded bytes themselves are never kept or served).
#pragma once

#include "admin/admin_request.h"
#include "admin/admin_services.h"
#include "http/response.h"

namespace gazette::admin {

// POST media/: the image is the raw request body (any Content-Type but multipart; the format is
// told by the bytes, and a Content-Disposition filename is kept for display), or the file field
// "image" of a multipart/form-data body. 201 {id, filename, width, height, variants}; 422 with the
// media component's sentence for a file that is not a usable image, or when the multipart body
// has no "image" file; 400 for a malformed multipart body. An image uploaded before gives the
// stored one's id. Borrows `services` for the call.
http::Response UploadMedia(AdminServices& services, const AdminRequest& request);

}  // namespace gazette::admin
