{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/sections/">← Sections</a></p>
<h1>{{HEADING}}</h1>
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<label for="slug">Slug</label>
<input id="slug" name="slug" type="text" value="{{SLUG}}" aria-describedby="slug-hint{{#SLUG_ERROR}} slug-error{{/SLUG_ERROR}}"{{#SLUG_ERROR}} aria-invalid="true"{{/SLUG_ERROR}}>
<span class="nr-hint" id="slug-hint">The section's address: /slug/. Left empty, it is made from the name.{{#EDITING}} Changing it changes the address of the section and of its articles.{{/EDITING}}</span>
{{#SLUG_ERROR}}<span class="nr-field-error" id="slug-error">{{SLUG_ERROR}}</span>{{/SLUG_ERROR}}
<label for="kind">Kind</label>
<select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_ERROR}}>
<option value="region"{{#KIND_REGION}} selected{{/KIND_REGION}}>Region (a part of the world)</option>
<option value="topic"{{#KIND_TOPIC}} selected{{/KIND_TOPIC}}>Topic (across regions)</option>
</select>
{{#KIND_ERROR}}<span class="nr-field-error" id="kind-error">{{KIND_ERROR}}</span>{{/KIND_ERROR}}
<label for="position">Position</label>
<input id="position" name="position" type="number" min="0" step="1" required value="{{POSITION}}" aria-describedby="position-hint{{#POSITION_ERROR}} position-error{{/POSITION_ERROR}}"{{#POSITION_ERROR}} aria-invalid="true"{{/POSITION_ERROR}}>
<span class="nr-hint" id="position-hint">Sections appear in the navigation by position, smallest first.</span>
{{#POSITION_ERROR}}<span class="nr-field-error" id="position-error">{{POSITION_ERROR}}</span>{{/POSITION_ERROR}}
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
