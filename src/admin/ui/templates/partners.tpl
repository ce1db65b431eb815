{{%AUTOESCAPE context="HTML"}}<h1>Partners</h1>
<p><a class="nr-button nr-primary" href="/admin/partners/new">New partner</a></p>
{{#EMPTY}}<p class="nr-muted">No partners yet.</p>{{/EMPTY}}
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Home page</th><th scope="col">Feed</th><th scope="col">Credit</th></tr></thead>
<tbody>
{{#PARTNERS}}
<tr>
<td><a href="{{EDIT_URL}}">{{NAME}}</a></td>
<td>{{SLUG}}</td>
<td><a href="{{URL}}" rel="noopener noreferrer" target="_blank">{{URL}}</a></td>
<td>{{#FEED_URL}}<a href="{{FEED_URL}}" rel="noopener noreferrer" target="_blank">feed</a>{{/FEED_URL}}</td>
<td><span class="nr-status">{{CREDIT}}</span></td>
</tr>
{{/PARTNERS}}
</tbody>
</table>
</div>
