{{%AUTOESCAPE context="HTML"}}<h1>Articles</h1>
<p><a class="nr-button nr-primary" href="/admin/articles/new">Write a new article</a></p>
<form method="get" action="/admin/articles/" class="nr-filters" role="search">
<div><label class="nr-label" for="q">Title contains</label>
<input id="q" name="q" type="search" value="{{Q}}"></div>
<div><label class="nr-label" for="status">Status</label>
<select id="status" name="status">
<option value="">Any status</option>
{{#STATUSES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/STATUSES}}</select></div>
<div><label class="nr-label" for="section">Section</label>
<select id="section" name="section">
<option value="">Any section</option>
{{#SECTIONS}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SECTIONS}}</select></div>
<div><label class="nr-label" for="author">Author</label>
<select id="author" name="author">
<option value="">Any author</option>
{{#AUTHORS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AUTHORS}}</select></div>
<div><button type="submit" class="nr-button">Filter</button></div>
</form>
<p class="nr-muted">{{SUMMARY}}</p>
{{#ARTICLES_EMPTY}}<p class="nr-muted">No articles match. <a href="/admin/articles/">Show all</a></p>{{/ARTICLES_EMPTY}}
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Section</th><th scope="col">Authors</th><th scope="col">Updated</th></tr></thead>
<tbody>
{{#ARTICLES}}
<tr>
<td><a href="{{EDIT_URL}}">{{ARTICLE_TITLE}}</a></td>
<td><span class="nr-status">{{STATUS}}</span></td>
<td>{{SECTION}}</td>
<td>{{BYLINE}}</td>
<td><time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></td>
</tr>
{{/ARTICLES}}
</tbody>
</table>
</div>
<p class="nr-actions">{{#NEWER_URL}}<a href="{{NEWER_URL}}">← Newer</a>{{/NEWER_URL}}{{#OLDER_URL}}<a href="{{OLDER_URL}}">Older →</a>{{/OLDER_URL}}</p>
