{{%AUTOESCAPE context="HTML"}}<p><a href="{{EDIT_URL}}">← {{ARTICLE_TITLE}}</a></p>
<h1>History</h1>
<p class="nr-muted">A revision is kept each time the article is submitted, scheduled or published, and each time it is saved after that. Drafts keep none.</p>
{{#EMPTY}}<p class="nr-muted">No revisions yet.</p>{{/EMPTY}}
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Status</th><th scope="col">Title</th><th scope="col">Compare</th><th scope="col"><span class="nr-muted">Restore</span></th></tr></thead>
<tbody>
{{#REVISIONS}}
<tr>
<td><time datetime="{{WHEN_ISO}}" title="{{WHEN_ISO}}">{{WHEN}}</time></td>
<td>{{WHO}}</td>
<td><span class="nr-status">{{STATUS}}</span></td>
<td>{{REVISION_TITLE}}</td>
<td>{{#PREVIOUS_URL}}<a href="{{PREVIOUS_URL}}">with the one before</a> · {{/PREVIOUS_URL}}<a href="{{CURRENT_URL}}">with the article now</a></td>
<td>{{#CAN_RESTORE}}<form method="post" action="{{RESTORE_URL}}" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<button type="submit" class="nr-link" data-confirm="Put this revision's title, dek and body back into the article?">Restore</button>
</form>{{/CAN_RESTORE}}</td>
</tr>
{{/REVISIONS}}
</tbody>
</table>
</div>
