{{%AUTOESCAPE context="HTML"}}<h1>Sections</h1>
<p><a class="nr-button nr-primary" href="/admin/sections/new">New section</a></p>
{{#EMPTY}}<p class="nr-muted">No sections yet. Articles need one: create the first.</p>{{/EMPTY}}
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">Position</th><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Kind</th></tr></thead>
<tbody>
{{#SECTIONS}}
<tr>
<td>{{POSITION}}</td>
<td><a href="{{EDIT_URL}}">{{NAME}}</a></td>
<td><a href="/{{SLUG}}/" target="_blank" rel="noopener">/{{SLUG}}/</a></td>
<td><span class="nr-status">{{KIND}}</span></td>
</tr>
{{/SECTIONS}}
</tbody>
</table>
</div>
