{{%AUTOESCAPE context="HTML"}}<h1>Users</h1>
<p><a class="nr-button nr-primary" href="/admin/users/new">New user</a></p>
<div class="nr-table-wrap">
<table class="nr-table">
<thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Two-factor</th></tr></thead>
<tbody>
{{#ACCOUNTS}}
<tr>
<td><a href="{{EDIT_URL}}">{{EMAIL}}</a>{{#IS_YOU}} <span class="nr-muted">(you)</span>{{/IS_YOU}}</td>
<td>{{NAME}}</td>
<td>{{ROLE}}</td>
<td><span class="nr-status">{{STATE}}</span></td>
<td>{{TOTP}}</td>
</tr>
{{/ACCOUNTS}}
</tbody>
</table>
</div>
