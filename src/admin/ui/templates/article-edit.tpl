{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/articles/">← Articles</a></p>
<h1>{{HEADING}}</h1>
{{#STATUS}}<p class="nr-meta"><span class="nr-status">{{STATUS}}</span> · {{WHEN}}{{#PUBLIC_URL}} · <a href="{{PUBLIC_URL}}" target="_blank" rel="noopener">{{PUBLIC_URL}}</a>{{/PUBLIC_URL}} · <a href="{{REVISIONS_URL}}">History</a></p>{{/STATUS}}
{{#CONFLICT}}<p class="nr-form-error" role="alert">{{CONFLICT}} <a href="{{EDIT_URL}}" target="_blank" rel="noopener">Open the saved version in a new tab</a>.</p>{{/CONFLICT}}
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
{{#READ_ONLY}}
<p class="nr-notice">You can read this article but not change it: contributors edit only their own drafts and articles in review.</p>
<article class="nr-panel">
<h2>{{ARTICLE_TITLE}}</h2>
{{#DEK}}<p class="nr-muted">{{DEK}}</p>{{/DEK}}
<p class="nr-meta">{{SECTION_NAME}}{{#BYLINE}} · by {{BYLINE}}{{/BYLINE}}{{#TAGS}} · {{TAGS}}{{/TAGS}}</p>
<div>{{BODY_HTML:none}}</div>
</article>
{{/READ_ONLY}}
{{#EDITABLE}}
<form method="post" action="{{ACTION_URL}}" class="nr-editor"{{#AUTOSAVE_URL}} data-autosave="{{AUTOSAVE_URL}}"{{/AUTOSAVE_URL}}>
<input type="hidden" name="_csrf" value="{{CSRF}}">
{{#VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/VERSION}}
<div class="nr-form">
<label for="title">Title</label>
<input id="title" name="title" type="text" required value="{{ARTICLE_TITLE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<span class="nr-field-error" id="title-error">{{TITLE_ERROR}}</span>{{/TITLE_ERROR}}
<label for="dek">Dek</label>
<textarea id="dek" name="dek" rows="2" aria-describedby="dek-hint{{#DEK_ERROR}} dek-error{{/DEK_ERROR}}"{{#DEK_ERROR}} aria-invalid="true"{{/DEK_ERROR}}>
{{DEK:pre_escape}}</textarea>
<span class="nr-hint" id="dek-hint">The standfirst under the title.</span>
{{#DEK_ERROR}}<span class="nr-field-error" id="dek-error">{{DEK_ERROR}}</span>{{/DEK_ERROR}}
<label for="body_md">Body</label>
<textarea id="body_md" name="body_md" class="nr-body" aria-describedby="body-hint">
{{BODY_MD:pre_escape}}</textarea>
<span class="nr-hint" id="body-hint">Markdown: *italic*, **bold**, [a link](https://example.org), ## headings, &gt; quotes, tables, and footnotes: a marker[^1] in the text and a line “[^1]: The source.” below.</span>
</div>
<div class="nr-form">
<div class="nr-actions">
<button type="submit" class="nr-button nr-primary">{{SUBMIT_LABEL}}</button>
{{#PREVIEW_URL}}<button type="submit" class="nr-button" formaction="{{PREVIEW_URL}}" formtarget="_blank" formnovalidate>Preview</button>{{/PREVIEW_URL}}
{{#AUTOSAVE_URL}}<span data-autosave-status class="nr-autosave">Drafts are saved automatically as you type.</span>{{/AUTOSAVE_URL}}
{{#NO_AUTOSAVE}}<span class="nr-autosave">Only drafts are saved automatically: use Save.</span>{{/NO_AUTOSAVE}}
</div>
{{#ACTIONS}}<button type="submit" class="nr-button{{#DANGER}} nr-danger{{/DANGER}}" formaction="{{URL}}"{{#CONFIRM}} data-confirm="{{CONFIRM}}"{{/CONFIRM}}>{{LABEL}}</button>
{{/ACTIONS}}
{{#SCHEDULE_URL}}
<label for="at">Publish at (UTC)</label>
<input id="at" name="at" type="datetime-local" step="1" value="{{AT}}" aria-describedby="at-hint{{#AT_ERROR}} at-error{{/AT_ERROR}}"{{#AT_ERROR}} aria-invalid="true"{{/AT_ERROR}}>
<span class="nr-hint" id="at-hint">The time is in UTC (now {{NOW_UTC}} UTC), not your own time zone.</span>
{{#AT_ERROR}}<span class="nr-field-error" id="at-error">{{AT_ERROR}}</span>{{/AT_ERROR}}
<button type="submit" class="nr-button" formaction="{{SCHEDULE_URL}}">Schedule</button>
{{/SCHEDULE_URL}}
{{#ACTIONS_NOTE}}<p class="nr-hint">{{ACTIONS_NOTE}}</p>{{/ACTIONS_NOTE}}
<label for="slug">Slug</label>
<input id="slug" name="slug" type="text" value="{{SLUG}}" aria-describedby="slug-hint{{#SLUG_ERROR}} slug-error{{/SLUG_ERROR}}"{{#SLUG_ERROR}} aria-invalid="true"{{/SLUG_ERROR}}>
<span class="nr-hint" id="slug-hint">The article's address: /section/slug/. Left empty, it is made from the title. If you change it later, the old address keeps redirecting to the new one.</span>
{{#SLUG_ERROR}}<span class="nr-field-error" id="slug-error">{{SLUG_ERROR}}</span>{{/SLUG_ERROR}}
<label for="section_slug">Section</label>
<select id="section_slug" name="section_slug"{{#SECTION_SLUG_ERROR}} aria-invalid="true" aria-describedby="section-error"{{/SECTION_SLUG_ERROR}}>
<option value="">Choose a section</option>
{{#SECTIONS}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SECTIONS}}</select>
{{#SECTION_SLUG_ERROR}}<span class="nr-field-error" id="section-error">{{SECTION_SLUG_ERROR}}</span>{{/SECTION_SLUG_ERROR}}
<label for="author_ids">Authors</label>
<select id="author_ids" name="author_ids" multiple size="5" aria-describedby="authors-hint{{#AUTHOR_IDS_ERROR}} authors-error{{/AUTHOR_IDS_ERROR}}"{{#AUTHOR_IDS_ERROR}} aria-invalid="true"{{/AUTHOR_IDS_ERROR}}>
{{#AUTHORS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AUTHORS}}</select>
<span class="nr-hint" id="authors-hint">The byline lists the chosen authors in the order shown; authors you add go last. Choose none to sign it yourself.</span>
{{#AUTHOR_IDS_ERROR}}<span class="nr-field-error" id="authors-error">{{AUTHOR_IDS_ERROR}}</span>{{/AUTHOR_IDS_ERROR}}
<label for="tags">Tags</label>
<input id="tags" name="tags" type="text" value="{{TAGS}}" aria-describedby="tags-hint{{#TAGS_ERROR}} tags-error{{/TAGS_ERROR}}"{{#TAGS_ERROR}} aria-invalid="true"{{/TAGS_ERROR}}>
<span class="nr-hint" id="tags-hint">Separated by commas: Energy, Gas prices. New tags are made when you save.</span>
{{#TAGS_ERROR}}<span class="nr-field-error" id="tags-error">{{TAGS_ERROR}}</span>{{/TAGS_ERROR}}
<label for="partner_id">Partner</label>
<select id="partner_id" name="partner_id"{{#PARTNER_ID_ERROR}} aria-invalid="true" aria-describedby="partner-error"{{/PARTNER_ID_ERROR}}>
<option value=""{{#NO_PARTNER}} selected{{/NO_PARTNER}}>None: our own piece</option>
{{#PARTNERS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/PARTNERS}}</select>
{{#PARTNER_ID_ERROR}}<span class="nr-field-error" id="partner-error">{{PARTNER_ID_ERROR}}</span>{{/PARTNER_ID_ERROR}}
<label for="original_url">Original URL</label>
<input id="original_url" name="original_url" type="url" value="{{ORIGINAL_URL}}" aria-describedby="original-hint{{#ORIGINAL_URL_ERROR}} original-error{{/ORIGINAL_URL_ERROR}}"{{#ORIGINAL_URL_ERROR}} aria-invalid="true"{{/ORIGINAL_URL_ERROR}}>
<span class="nr-hint" id="original-hint">Where a partner's piece was first published; readers and search engines are pointed to it.</span>
{{#ORIGINAL_URL_ERROR}}<span class="nr-field-error" id="original-error">{{ORIGINAL_URL_ERROR}}</span>{{/ORIGINAL_URL_ERROR}}
<fieldset{{#LEAD_IMAGE_ID_ERROR}} aria-invalid="true" aria-describedby="image-error"{{/LEAD_IMAGE_ID_ERROR}}>
<legend class="nr-label">Lead image</legend>
<label><input type="radio" name="lead_image_id" value=""{{#NO_IMAGE}} checked{{/NO_IMAGE}}> No image</label>
{{#IMAGES}}<label><input type="radio" name="lead_image_id" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{#THUMB_URL}}<img class="nr-thumb" src="{{THUMB_URL}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt="" loading="lazy">{{/THUMB_URL}}{{LABEL}} (image {{ID}})</label>
{{/IMAGES}}<span class="nr-hint">The newest images of the <a href="/admin/media/">media library</a>; upload there first.</span>
{{#LEAD_IMAGE_ID_ERROR}}<span class="nr-field-error" id="image-error">{{LEAD_IMAGE_ID_ERROR}}</span>{{/LEAD_IMAGE_ID_ERROR}}
</fieldset>
<label for="lead_image_alt">Image description (alt text)</label>
<input id="lead_image_alt" name="lead_image_alt" type="text" value="{{LEAD_IMAGE_ALT}}" aria-describedby="alt-hint{{#LEAD_IMAGE_ALT_ERROR}} alt-error{{/LEAD_IMAGE_ALT_ERROR}}"{{#LEAD_IMAGE_ALT_ERROR}} aria-invalid="true"{{/LEAD_IMAGE_ALT_ERROR}}>
<span class="nr-hint" id="alt-hint">Required with an image: what it shows, for readers who cannot see it.</span>
{{#LEAD_IMAGE_ALT_ERROR}}<span class="nr-field-error" id="alt-error">{{LEAD_IMAGE_ALT_ERROR}}</span>{{/LEAD_IMAGE_ALT_ERROR}}
</div>
</form>
{{/EDITABLE}}
