{{%AUTOESCAPE context="HTML"}}<section class="nr-narrow">
<h1>Two-factor sign-in</h1>
<p>Enter the six-digit code your authenticator app shows for {{SITE_NAME}}.</p>
{{#ERROR}}<p class="nr-form-error" role="alert">{{ERROR}}</p>{{/ERROR}}
<form method="post" action="/admin/login/code" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="pending" value="{{PENDING}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required autofocus>
<button type="submit" class="nr-button nr-primary">Continue</button>
</form>
</section>
