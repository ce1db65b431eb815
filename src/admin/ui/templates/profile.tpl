{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<h1>Your profile</h1>
<p class="nr-meta">{{EMAIL}} · {{ROLE}}</p>
{{#FORM_ERROR}}<p class="nr-form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}

<h2 id="name-heading">Name</h2>
<form method="post" action="/admin/profile/name" class="nr-form" aria-labelledby="name-heading">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="name">Your name, as colleagues see it</label>
<input id="name" name="name" type="text" required autocomplete="name" value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<span class="nr-field-error" id="name-error">{{NAME_ERROR}}</span>{{/NAME_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button">Save name</button></div>
</form>

<h2 id="password-heading">Password</h2>
<form method="post" action="/admin/profile/password" class="nr-form" aria-labelledby="password-heading">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="text" name="username" autocomplete="username" value="{{EMAIL}}" hidden>
<label for="current_password">Present password</label>
<input id="current_password" name="current_password" type="password" required autocomplete="current-password"{{#CURRENT_PASSWORD_ERROR}} aria-invalid="true" aria-describedby="current_password-error"{{/CURRENT_PASSWORD_ERROR}}>
{{#CURRENT_PASSWORD_ERROR}}<span class="nr-field-error" id="current_password-error">{{CURRENT_PASSWORD_ERROR}}</span>{{/CURRENT_PASSWORD_ERROR}}
<label for="new_password">New password</label>
<input id="new_password" name="new_password" type="password" required minlength="10" autocomplete="new-password" aria-describedby="new_password-hint{{#NEW_PASSWORD_ERROR}} new_password-error{{/NEW_PASSWORD_ERROR}}"{{#NEW_PASSWORD_ERROR}} aria-invalid="true"{{/NEW_PASSWORD_ERROR}}>
<span class="nr-hint" id="new_password-hint">At least 10 characters. Changing it signs you out everywhere else.</span>
{{#NEW_PASSWORD_ERROR}}<span class="nr-field-error" id="new_password-error">{{NEW_PASSWORD_ERROR}}</span>{{/NEW_PASSWORD_ERROR}}
<label for="new_password_again">New password again</label>
<input id="new_password_again" name="new_password_again" type="password" required autocomplete="new-password"{{#NEW_PASSWORD_AGAIN_ERROR}} aria-invalid="true" aria-describedby="new_password_again-error"{{/NEW_PASSWORD_AGAIN_ERROR}}>
{{#NEW_PASSWORD_AGAIN_ERROR}}<span class="nr-field-error" id="new_password_again-error">{{NEW_PASSWORD_AGAIN_ERROR}}</span>{{/NEW_PASSWORD_AGAIN_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button">Change password</button></div>
</form>

<h2 id="totp-heading">Two-factor sign-in</h2>
{{#TOTP_OFF}}<p>Off. With it on, signing in also asks for a six-digit code from an authenticator app on your phone, so that a stolen password alone is not enough.</p>
<p><a class="nr-button" href="/admin/profile/totp">Turn on two-factor sign-in</a></p>{{/TOTP_OFF}}
{{#TOTP_ON}}<p><span class="nr-status">On</span> Signing in asks for a code from your authenticator app.</p>
<form method="post" action="/admin/profile/totp/off" class="nr-form" aria-labelledby="totp-heading">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<p class="nr-hint">To turn it off, confirm it is you with your password or a present code.</p>
<label for="off_password">Password</label>
<input id="off_password" name="off_password" type="password" autocomplete="current-password"{{#OFF_PASSWORD_ERROR}} aria-invalid="true" aria-describedby="off_password-error"{{/OFF_PASSWORD_ERROR}}>
{{#OFF_PASSWORD_ERROR}}<span class="nr-field-error" id="off_password-error">{{OFF_PASSWORD_ERROR}}</span>{{/OFF_PASSWORD_ERROR}}
<label for="off_code">or code</label>
<input id="off_code" name="off_code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}"{{#OFF_CODE_ERROR}} aria-invalid="true" aria-describedby="off_code-error"{{/OFF_CODE_ERROR}}>
{{#OFF_CODE_ERROR}}<span class="nr-field-error" id="off_code-error">{{OFF_CODE_ERROR}}</span>{{/OFF_CODE_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button nr-danger">Turn off two-factor sign-in</button></div>
</form>{{/TOTP_ON}}

<h2 id="tokens-heading">API tokens</h2>
<p class="nr-hint">A script sends a token as <code>Authorization: Bearer …</code> to the Admin API and acts as you, with your role. Revoke a token you no longer use.</p>
{{#NO_TOKENS}}<p class="nr-muted">You have no API tokens.</p>{{/NO_TOKENS}}
<div class="nr-table-wrap">
<table class="nr-table" aria-labelledby="tokens-heading">
<thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span class="nr-muted">Action</span></th></tr></thead>
<tbody>
{{#TOKENS}}
<tr>
<td>{{NAME}}</td>
<td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td>
<td>{{#LAST_USED}}<time datetime="{{LAST_USED_ISO}}">{{LAST_USED}}</time>{{/LAST_USED}}</td>
<td><form method="post" action="{{REVOKE_URL}}" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="nr-link" data-confirm="Revoke this token? Scripts that use it stop working.">Revoke</button>
</form></td>
</tr>
{{/TOKENS}}
</tbody>
</table>
</div>
<form method="post" action="/admin/profile/tokens" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="token_name">New token's name</label>
<input id="token_name" name="token_name" type="text" required placeholder="newsletter script" value="{{TOKEN_NAME}}"{{#TOKEN_NAME_ERROR}} aria-invalid="true" aria-describedby="token_name-error"{{/TOKEN_NAME_ERROR}}>
{{#TOKEN_NAME_ERROR}}<span class="nr-field-error" id="token_name-error">{{TOKEN_NAME_ERROR}}</span>{{/TOKEN_NAME_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button">Create token</button></div>
</form>
</section>
