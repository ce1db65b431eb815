{{%AUTOESCAPE context="HTML"}}<h1>Media</h1>
<section class="nr-panel nr-form-page" aria-labelledby="upload-heading">
<h2 id="upload-heading">Upload an image</h2>
<form method="post" action="/admin/media/" enctype="multipart/form-data" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="image">Image</label>
<input id="image" name="image" type="file" required accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="image-hint{{#IMAGE_ERROR}} image-error{{/IMAGE_ERROR}}"{{#IMAGE_ERROR}} aria-invalid="true"{{/IMAGE_ERROR}}>
<span class="nr-hint" id="image-hint">JPEG, PNG, WebP or GIF, up to {{MAX_SIZE}}. It is stored re-encoded at a few widths, without its metadata (location, camera).</span>
{{#IMAGE_ERROR}}<span class="nr-field-error" id="image-error" role="alert">{{IMAGE_ERROR}}</span>{{/IMAGE_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button nr-primary">Upload</button></div>
</form>
</section>
{{#EMPTY}}<p class="nr-muted">No images yet.</p>{{/EMPTY}}
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">Image</th><th scope="col">Id</th><th scope="col">Size</th><th scope="col">File</th><th scope="col">Uploaded</th></tr></thead>
<tbody>
{{#IMAGES}}
<tr id="{{ANCHOR}}">
<td>{{#THUMB_URL}}<img class="nr-thumb" src="{{THUMB_URL}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt="Image {{ID}}" loading="lazy">{{/THUMB_URL}}</td>
<td><strong>{{ID}}</strong></td>
<td>{{DIMENSIONS}}<span class="nr-meta">{{#JPEG_URL}}<a href="{{JPEG_URL}}">JPEG</a>{{/JPEG_URL}}{{#WEBP_URL}} · <a href="{{WEBP_URL}}">WebP</a>{{/WEBP_URL}}</span></td>
<td>{{FILENAME}}<span class="nr-meta">{{ORIGINAL_TYPE}}</span></td>
<td><time datetime="{{UPLOADED_ISO}}">{{UPLOADED}}</time>{{#UPLOADER}}<span class="nr-meta">by {{UPLOADER}}</span>{{/UPLOADER}}</td>
</tr>
{{/IMAGES}}
</tbody>
</table>
</div>
<p class="nr-actions">{{#NEWER_URL}}<a href="{{NEWER_URL}}">← Newer</a>{{/NEWER_URL}}{{#OLDER_URL}}<a href="{{OLDER_URL}}">Older →</a>{{/OLDER_URL}}</p>
