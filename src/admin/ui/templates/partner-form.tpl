{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/partners/">← Partners</a></p>
<h1>{{HEADING}}</h1>
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<label for="slug">Slug</label>
<input id="slug" name="slug" type="text" value="{{SLUG}}" aria-describedby="slug-hint{{#SLUG_ERROR}} slug-error{{/SLUG_ERROR}}"{{#SLUG_ERROR}} aria-invalid="true"{{/SLUG_ERROR}}>
<span class="nr-hint" id="slug-hint">The partner's page on the site: /partner/slug/. Left empty, it is made from the name.</span>
{{#SLUG_ERROR}}<span class="nr-field-error" id="slug-error">{{SLUG_ERROR}}</span>{{/SLUG_ERROR}}
<label for="url">Home page</label>
<input id="url" name="url" type="url" required placeholder="https://" value="{{URL}}"{{#URL_ERROR}} aria-invalid="true" aria-describedby="url-error"{{/URL_ERROR}}>
{{#URL_ERROR}}<span class="nr-field-error" id="url-error">{{URL_ERROR}}</span>{{/URL_ERROR}}
<label for="feed_url">Feed</label>
<input id="feed_url" name="feed_url" type="url" placeholder="https://" value="{{FEED_URL}}" aria-describedby="feed-hint{{#FEED_URL_ERROR}} feed_url-error{{/FEED_URL_ERROR}}"{{#FEED_URL_ERROR}} aria-invalid="true"{{/FEED_URL_ERROR}}>
<span class="nr-hint" id="feed-hint">Optional: the RSS or Atom feed its pieces can be pulled from.</span>
{{#FEED_URL_ERROR}}<span class="nr-field-error" id="feed_url-error">{{FEED_URL_ERROR}}</span>{{/FEED_URL_ERROR}}
<fieldset class="nr-form"{{#CREDIT_ERROR}} aria-describedby="credit-error"{{/CREDIT_ERROR}}>
<legend class="nr-label">How republished pieces defer to the original</legend>
<label><input type="radio" name="credit" value="canonical"{{#CREDIT_CANONICAL}} checked{{/CREDIT_CANONICAL}}> Canonical link: search engines send readers to the original</label>
<label><input type="radio" name="credit" value="noindex"{{#CREDIT_NOINDEX}} checked{{/CREDIT_NOINDEX}}> Not indexed: search engines leave our copy out</label>
</fieldset>
{{#CREDIT_ERROR}}<span class="nr-field-error" id="credit-error">{{CREDIT_ERROR}}</span>{{/CREDIT_ERROR}}
<label for="description">Description</label>
<textarea id="description" name="description" rows="4"{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_ERROR}}>
{{DESCRIPTION:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}<span class="nr-field-error" id="description-error">{{DESCRIPTION_ERROR}}</span>{{/DESCRIPTION_ERROR}}
<div class="nr-actions">
<button type="submit" class="nr-button nr-primary">{{SUBMIT_LABEL}}</button>
{{#PUBLIC_URL}}<a href="{{PUBLIC_URL}}" target="_blank" rel="noopener">View on the site</a>{{/PUBLIC_URL}}
</div>
</form>
</section>
