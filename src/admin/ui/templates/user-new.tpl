{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/users/">← Users</a></p>
<h1>New user</h1>
<p class="nr-hint">A password is made for the account and shown once, on the next page, for you to hand over. They can change it on their profile.</p>
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<form method="post" action="/admin/users/" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="off" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<span class="nr-field-error" id="email-error">{{EMAIL_ERROR}}</span>{{/EMAIL_ERROR}}
<label for="name">Name</label>
<input id="name" name="name" type="text" required autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<label for="role">Role</label>
<select id="role" name="role"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_ERROR}}>
{{#ROLES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}: {{HINT}}</option>
{{/ROLES}}</select>
{{#ROLE_ERROR}}<span class="nr-field-error" id="role-error">{{ROLE_ERROR}}</span>{{/ROLE_ERROR}}
<div class="nr-actions">
<button type="submit" class="nr-button nr-primary">Create account</button>
</div>
</form>
</section>
