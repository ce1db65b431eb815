{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/profile/">← Your profile</a></p>
<h1>Turn on two-factor sign-in</h1>
<ol>
<li>Open an authenticator app on your phone (any that supports TOTP codes) and add an account by scanning this code:
<div class="nr-qr" role="img" aria-label="QR code of the key below, for your authenticator app">{{QR_SVG_HTML:none}}</div>
Or type this key into the app: <code class="nr-secret">{{SECRET}}</code> (account {{ISSUER}}, time-based).</li>
<li>Enter the six-digit code the app now shows, to confirm it works.</li>
</ol>
<form method="post" action="/admin/profile/totp" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="pending" value="{{PENDING}}">
<label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required autofocus{{#CODE_ERROR}} aria-invalid="true" aria-describedby="code-error"{{/CODE_ERROR}}>
{{#CODE_ERROR}}<span class="nr-field-error" id="code-error">{{CODE_ERROR}}</span>{{/CODE_ERROR}}
<div class="nr-actions"><button type="submit" class="nr-button nr-primary">Turn on</button></div>
</form>
<p class="nr-hint">Until you confirm a code, nothing changes. If you lose the phone, an admin can turn two-factor sign-in off for your account.</p>
</section>
