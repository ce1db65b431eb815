{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<h1>Site settings</h1>
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<form method="post" action="/admin/settings/" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="name">Site name</label>
<input id="name" name="name" type="text" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<label for="tagline">Tagline</label>
<input id="tagline" name="tagline" type="text" value="{{TAGLINE}}" aria-describedby="tagline-hint{{#TAGLINE_ERROR}} tagline-error{{/TAGLINE_ERROR}}"{{#TAGLINE_ERROR}} aria-invalid="true"{{/TAGLINE_ERROR}}>
<span class="nr-hint" id="tagline-hint">Shown under the masthead.</span>
{{#TAGLINE_ERROR}}<span class="nr-field-error" id="tagline-error">{{TAGLINE_ERROR}}</span>{{/TAGLINE_ERROR}}
<label for="description">Description</label>
<textarea id="description" name="description" rows="3" aria-describedby="description-hint{{#DESCRIPTION_ERROR}} description-error{{/DESCRIPTION_ERROR}}"{{#DESCRIPTION_ERROR}} aria-invalid="true"{{/DESCRIPTION_ERROR}}>
{{DESCRIPTION:pre_escape}}</textarea>
<span class="nr-hint" id="description-hint">What search engines and link previews say about the site.</span>
{{#DESCRIPTION_ERROR}}<span class="nr-field-error" id="description-error">{{DESCRIPTION_ERROR}}</span>{{/DESCRIPTION_ERROR}}
<label for="url">Address</label>
<input id="url" name="url" type="url" required placeholder="https://example.org" value="{{URL}}" aria-describedby="url-hint{{#URL_ERROR}} url-error{{/URL_ERROR}}"{{#URL_ERROR}} aria-invalid="true"{{/URL_ERROR}}>
<span class="nr-hint" id="url-hint">Where readers reach the site, without a final “/”; used in feeds, sitemaps and links shared elsewhere.</span>
{{#URL_ERROR}}<span class="nr-field-error" id="url-error">{{URL_ERROR}}</span>{{/URL_ERROR}}
<label for="articles_per_page">Articles per page</label>
<input id="articles_per_page" name="articles_per_page" type="number" min="1" max="{{MAX_ARTICLES_PER_PAGE}}" step="1" required value="{{ARTICLES_PER_PAGE}}" aria-describedby="per-page-hint{{#ARTICLES_PER_PAGE_ERROR}} per-page-error{{/ARTICLES_PER_PAGE_ERROR}}"{{#ARTICLES_PER_PAGE_ERROR}} aria-invalid="true"{{/ARTICLES_PER_PAGE_ERROR}}>
<span class="nr-hint" id="per-page-hint">On section, author, partner and tag pages.</span>
{{#ARTICLES_PER_PAGE_ERROR}}<span class="nr-field-error" id="per-page-error">{{ARTICLES_PER_PAGE_ERROR}}</span>{{/ARTICLES_PER_PAGE_ERROR}}
<fieldset class="nr-form"{{#FEED_CONTENT_ERROR}} aria-describedby="feed-content-error"{{/FEED_CONTENT_ERROR}}>
<legend class="nr-label">What feed entries carry</legend>
<label><input type="radio" name="feed_content" value="full"{{#FEED_FULL}} checked{{/FEED_FULL}}> The whole article, with its references</label>
<label><input type="radio" name="feed_content" value="summary"{{#FEED_SUMMARY}} checked{{/FEED_SUMMARY}}> The standfirst only, with a link to read on</label>
</fieldset>
{{#FEED_CONTENT_ERROR}}<span class="nr-field-error" id="feed-content-error">{{FEED_CONTENT_ERROR}}</span>{{/FEED_CONTENT_ERROR}}
<div class="nr-actions">
<button type="submit" class="nr-button nr-primary">Save settings</button>
</div>
</form>
</section>
