{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/users/">← Users</a></p>
<h1>{{DISPLAY_NAME}}{{#IS_YOU}} <span class="nr-muted">(you)</span>{{/IS_YOU}}</h1>
<p class="nr-meta">{{EMAIL}} · account since {{CREATED}}{{#DISABLED}} · <strong>disabled</strong>{{/DISABLED}}</p>
{{#ACTION_ERROR}}<p class="nr-form-error" role="alert">{{ACTION_ERROR}}</p>{{/ACTION_ERROR}}
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION_URL}}" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<label for="role">Role</label>
<select id="role" name="role"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_ERROR}}>
{{#ROLES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}: {{HINT}}</option>
{{/ROLES}}</select>
{{#ROLE_ERROR}}<span class="nr-field-error" id="role-error">{{ROLE_ERROR}}</span>{{/ROLE_ERROR}}
{{#IS_YOU}}<span class="nr-hint">You keep the admin role while you are signed in as yourself; another admin can change it.</span>{{/IS_YOU}}
<div class="nr-actions">
<button type="submit" class="nr-button nr-primary">Save</button>
</div>
</form>
{{#OTHERS}}
<h2>Account</h2>
<div class="nr-actions">
{{#ENABLED}}<form method="post" action="{{ACTION_URL}}disable" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" data-confirm="Disable this account? Its sessions end now." class="nr-button nr-danger">Disable account</button>
</form>{{/ENABLED}}
{{#DISABLED}}<form method="post" action="{{ACTION_URL}}enable" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="nr-button">Enable account</button>
</form>{{/DISABLED}}
<form method="post" action="{{ACTION_URL}}password" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" data-confirm="Make a new password? The present one stops working and every session of this account ends." class="nr-button">Reset password</button>
</form>
{{#TOTP}}<form method="post" action="{{ACTION_URL}}totp-off" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" data-confirm="Turn off two-factor sign-in for this account? Its password alone will then sign in." class="nr-button">Turn off two-factor sign-in</button>
</form>{{/TOTP}}
</div>
<p class="nr-hint">Disabling ends the account's sessions and API tokens stop working; enabling it again brings the tokens back. Turning off two-factor sign-in helps someone who lost their authenticator; they can set it up again on their profile.</p>
{{/OTHERS}}
</section>
